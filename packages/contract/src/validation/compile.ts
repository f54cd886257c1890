// Compiles the envelope and every type's data schema once per process, on first use: draft 2020-12,
// every error at once, formats checked, and nothing coerced or removed — validation never alters
// the event it is given.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { cloudEventSchema } from '../schemas/envelope.ts';
import { EVENT_SCHEMAS, EVENT_TYPES, type EventType } from '../schemas/catalogue.ts';

// ajv-formats is CommonJS; under NodeNext its default export is the module object's `default`.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export interface CompiledContract {
  envelope: ValidateFunction;
  dataOf: ReadonlyMap<EventType, ValidateFunction>;
}

export function createContractAjv(options: { allErrors?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: options.allErrors ?? true,
    strict: true,
    coerceTypes: false,
    useDefaults: false,
    removeAdditional: false,
  });
  addFormats(ajv, ['date', 'date-time', 'uri']);
  return ajv;
}

export function compileContract(): CompiledContract {
  const ajv = createContractAjv();
  return {
    envelope: ajv.compile(cloudEventSchema),
    dataOf: new Map(EVENT_TYPES.map((type) => [type, ajv.compile(EVENT_SCHEMAS[type])])),
  };
}

let compiled: CompiledContract | undefined;

/** The process's one compiled contract; the first call pays the compilation (a few tens of ms). */
export function compiledContract(): CompiledContract {
  compiled ??= compileContract();
  return compiled;
}
