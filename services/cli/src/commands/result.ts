// What a command hands back to main.ts: the document for --json, the text for people, and its exit code.
import type { ExitCode } from '../errors.ts';

export interface CommandResult {
  json: unknown;
  text: string;
  exitCode: ExitCode;
}
