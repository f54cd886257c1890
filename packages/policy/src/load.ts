// Reads and checks the access-policy file once, at start-up (api.md §3). Any fault — unreadable file,
// bad JSON, schema, ambiguous holders, repeated grants, development keys in production — throws a
// PolicyError whose one line names the file and the fault.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { policyFaultError, PolicyError, type PolicyFault } from './errors.ts';
import { findGrantFault } from './grant-faults.ts';
import { findHolderFault } from './holder-faults.ts';
import { buildPolicy, type Policy } from './policy.ts';
import { DEVELOPMENT_REFUSED, findDevelopmentUse } from './production-faults.ts';
import { findSchemaFault, isPolicyDocument } from './schema-faults.ts';

/** The development policy of api.md §3, used by `pnpm start` and the tests. */
export const developmentPolicyPath: string = fileURLToPath(new URL('../policies/development.json', import.meta.url));

export interface LoadPolicyOptions {
  /** The service's NODE_ENV; 'production' refuses development policies and keys. */
  nodeEnv: string | undefined;
}

export function loadPolicy(path: string, options: LoadPolicyOptions): Policy {
  return parsePolicy(parseJson(readPolicyText(path), path), path, options);
}

/** Checks an already-parsed document; `source` names it in messages. */
export function parsePolicy(document: unknown, source: string, { nodeEnv }: LoadPolicyOptions): Policy {
  const fault = findSchemaFault(document);
  if (fault || !isPolicyDocument(document)) throw policyFaultError(source, fault ?? { pointer: '', message: 'does not match the policy schema' });
  const consistencyFault: PolicyFault | undefined = findHolderFault(document) ?? findGrantFault(document);
  if (consistencyFault) throw policyFaultError(source, consistencyFault);
  if (nodeEnv === 'production') {
    const development = findDevelopmentUse(document);
    if (development) {
      throw new PolicyError(source, development.pointer, `${DEVELOPMENT_REFUSED}: ${development.pointer} ${development.message}`);
    }
  }
  return buildPolicy(document, source);
}

function readPolicyText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new PolicyError(path, '', `cannot be read (${code})`);
  }
}

// V8's message for an unexpected token quotes part of the file, which may hold a key pasted by mistake;
// only the parser's fixed wording and the position are repeated.
function parseJson(text: string, path: string): unknown {
  try {
    // A byte-order mark (editors on Windows) is not JSON, but is not a fault of the policy either.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new PolicyError(path, '', `is not valid JSON${describeJsonError(error instanceof Error ? error.message : '')}`);
  }
}

function describeJsonError(message: string): string {
  const positioned = /^(.+?) in JSON at position (\d+)(?: \(line (\d+) column (\d+)\))?/.exec(message);
  if (positioned) {
    const [, what = '', position, line, column] = positioned;
    const where = line === undefined ? `position ${position}` : `line ${line} column ${column}`;
    return ` (${what.charAt(0).toLowerCase()}${what.slice(1)} at ${where})`;
  }
  const token = /^Unexpected token '(.)'/u.exec(message)?.[1];
  if (token !== undefined) return ` (unexpected ${JSON.stringify(token)})`;
  if (message.startsWith('Unexpected end of JSON input')) return ' (it ends too early)';
  return '';
}
