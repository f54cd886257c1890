// How route schemas validate requests. Path, query and headers arrive as text, so their values are coerced to
// the declared types (`?limit=20` is a number); a JSON body arrives typed, so it is taken as sent: with
// coercion a `false` where a string is declared would pass as "false", and `[1]` as "1".
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; under NodeNext its default export is the module object's `default`.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

// What fastify gives its own Ajv (@fastify/ajv-compiler), and the hub's choices on top: every invalid field
// named at once, unknown members refused rather than silently dropped.
const COMMON: Options = { useDefaults: true, removeAdditional: false, allErrors: true, addUsedSchema: false };

function createAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...COMMON, coerceTypes });
  addFormats(ajv);
  return ajv;
}

export function requestValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const textParts = createAjv('array');
  const bodies = createAjv(false);
  return ({ schema, httpPart }) => (httpPart === 'body' ? bodies : textParts).compile(schema as object);
}
