// The CLI's failures as values with an exit code (sysexits.h): wrong usage 64, a server the command needs
// cannot be reached 69, interrupted by Ctrl-C 130, anything else 1. main.ts alone turns them into one line on stderr and the code.

export const EXIT = { ok: 0, failure: 1, usage: 64, unavailable: 69, config: 78, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  readonly exitCode: ExitCode;
  constructor(exitCode: ExitCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export const usageError = (message: string): CliError => new CliError(EXIT.usage, message);
export const unavailableError = (message: string, cause?: unknown): CliError => new CliError(EXIT.unavailable, message, { cause });
export const failure = (message: string, cause?: unknown): CliError => new CliError(EXIT.failure, message, { cause });

/** One line of text for any thrown value: the first line of its message, nothing of a stack. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.trim() || 'unknown error';
}
