// A policy file that cannot be used stops the service at start-up with one line naming the file and the
// fault. Request-time failures (401, 403) are the runtime's Errors, turned into problem+json by its handler.

export class PolicyError extends Error {
  /** The policy file, as it was named to loadPolicy. */
  readonly source: string;
  /** JSON Pointer (RFC 6901) to the fault in the file; '' for the whole document. */
  readonly pointer: string;

  /** `description` is the text after `policy file <source>: `; it names the pointer itself. */
  constructor(source: string, pointer: string, description: string) {
    super(`policy file ${source}: ${description}`);
    this.name = 'PolicyError';
    this.source = source;
    this.pointer = pointer;
  }
}

/** A fault found in a policy document, before it is tied to a file. */
export interface PolicyFault {
  pointer: string;
  message: string;
}

/** The error for a fault: `policy file <source>: <pointer> <message>`. */
export function policyFaultError(source: string, fault: PolicyFault): PolicyError {
  return new PolicyError(source, fault.pointer, fault.pointer === '' ? fault.message : `${fault.pointer} ${fault.message}`);
}

/** For a service's entry point: print the one-line reason and exit 78 (EX_CONFIG), as for configuration. */
export function exitOnPolicyError(service: string, error: unknown): never {
  if (error instanceof PolicyError) {
    process.stderr.write(`${service}: ${error.message}\n`);
    process.exit(78);
  }
  throw error;
}
