// Turns argv into a command and its checked options, or a request for help. Pure: no I/O, so every
// usage mistake is testable and becomes one line and exit 64.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { COMMANDS, GLOBAL_OPTIONS, type CommandName, type CommandSpec, type OptionSpec } from './command-specs.ts';
import { usageError } from './errors.ts';
import { REGISTRIES } from '@lgsp/kafka';

export interface GlobalOptions {
  json: boolean;
  brokers?: string;
  redis?: string;
}

export type ParsedCommandLine =
  | { kind: 'help'; command?: CommandName; group?: string }
  | { kind: 'run'; command: CommandName; global: GlobalOptions; options: Record<string, string | boolean | string[] | undefined> };

const GROUPS = new Set(COMMANDS.filter((command) => command.name.includes(' ')).map((command) => command.name.split(' ')[0]!));

function toParseArgsConfig(options: Record<string, OptionSpec>): ParseArgsOptionsConfig {
  return Object.fromEntries(
    Object.entries(options).map(([name, spec]) => [name, { type: spec.type, ...(spec.multiple ? { multiple: true } : {}), ...(spec.short ? { short: spec.short } : {}) }]),
  );
}

/** The command named by the leading words of argv, and the rest. */
function findCommand(words: string[]): { command?: CommandSpec; group?: string; rest: string[] } {
  const [first, second] = words;
  if (first === undefined || first.startsWith('-')) return { rest: words };
  if (GROUPS.has(first)) {
    const command = second === undefined || second.startsWith('-') ? undefined : COMMANDS.find((candidate) => candidate.name === `${first} ${second}`);
    if (!command && second !== undefined && !second.startsWith('-')) throw usageError(`unknown command 'lgsp ${first} ${second}'; see lgsp ${first} --help`);
    return command ? { command, rest: words.slice(2) } : { group: first, rest: words.slice(1) };
  }
  const command = COMMANDS.find((candidate) => candidate.name === first);
  if (!command) throw usageError(`unknown command '${first}'; run lgsp --help to see the commands`);
  return { command, rest: words.slice(1) };
}

function describeParseError(error: unknown, where: string): Error {
  const { code, message } = error as { code?: string; message: string };
  const token = /'([^']+)'/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return usageError(`unknown option '${token}' for ${where}; see ${where} --help`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return usageError(`unexpected argument '${token}' for ${where}; see ${where} --help`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return usageError(`${message.split('\n')[0]!.replace(/\.$/, '')} (${where})`);
    default:
      return usageError(message.split('\n')[0]!);
  }
}

export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const words = [...argv];
  if (words[0] === 'help') {
    const { command, group } = findCommand(words.slice(1));
    return { kind: 'help', ...(command ? { command: command.name } : {}), ...(group ? { group } : {}) };
  }
  // Boolean globals may come before the command: `lgsp --json lag`.
  const leading: string[] = [];
  while (words[0] === '--json' || words[0] === '--help' || words[0] === '-h') leading.push(words.shift()!);
  const { command, group, rest } = findCommand(words);
  const where = command ? `lgsp ${command.name}` : group ? `lgsp ${group}` : 'lgsp';
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...leading, ...rest], options: toParseArgsConfig({ ...GLOBAL_OPTIONS, ...(command?.options ?? {}) }), strict: true, allowPositionals: false });
  } catch (error) {
    throw describeParseError(error, where);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values.help === true) return { kind: 'help', ...(command ? { command: command.name } : {}), ...(group ? { group } : {}) };
  if (group) throw usageError(`${group} needs a subcommand: ${COMMANDS.filter((c) => c.name.startsWith(`${group} `)).map((c) => c.name.split(' ')[1]).join(', ')}; see lgsp ${group} --help`);
  if (!command) throw usageError('no command given; run lgsp --help to see the commands');
  const { json, brokers, redis, help: _help, ...options } = values;
  const global: GlobalOptions = { json: json === true, ...(typeof brokers === 'string' ? { brokers } : {}), ...(typeof redis === 'string' ? { redis } : {}) };
  checkCommandOptions(command.name, options);
  return { kind: 'run', command: command.name, global, options };
}

const RFC3339_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function checkReplayOptions(options: Record<string, unknown>): void {
  const from = options.from;
  if (from !== undefined && from !== 'earliest') {
    if (typeof from === 'string' && RFC3339_TIME.test(from)) {
      throw usageError(
        'lgsp replay --from <time> is not possible: the hub keeps no snapshot of the records as they stood at a past time, and a record is the fold of every event from the beginning of its topics; use --from earliest (see lgsp replay --help)',
      );
    }
    throw usageError(`--from must be earliest (got ${JSON.stringify(from)}); see lgsp replay --help`);
  }
  if (options.workers !== undefined && !/^([1-9]|[1-5]\d|6[0-4])$/.test(String(options.workers))) {
    throw usageError(`--workers must be a whole number from 1 to 64 (got ${JSON.stringify(options.workers)})`);
  }
  const registry = options.registry;
  if (registry !== undefined && !(REGISTRIES as readonly unknown[]).includes(registry)) {
    throw usageError(`--registry must be one of ${REGISTRIES.join(', ')} (got ${JSON.stringify(registry)})`);
  }
}

function checkCommandOptions(command: CommandName, options: Record<string, unknown>): void {
  if (command === 'replay') checkReplayOptions(options);
  if (command === 'dlq list' && options.limit !== undefined) parseLimit(options.limit as string);
  if (command === 'dlq redrive') {
    const ids = (options.id as string[] | undefined) ?? [];
    if (ids.length === 0 && options.all !== true) throw usageError('lgsp dlq redrive needs --id <id> (one or more) or --all; see lgsp dlq redrive --help');
    if (ids.length > 0 && options.all === true) throw usageError('lgsp dlq redrive takes --id or --all, not both');
    for (const [name, value] of Object.entries(options)) {
      if (name.startsWith('adapter-url-') && !/^https?:\/\/[^\s]+$/.test(String(value))) throw usageError(`--${name} must be an http(s) URL (got ${JSON.stringify(value)})`);
    }
  }
}

export function parseLimit(text: string): number {
  if (!/^[1-9]\d{0,6}$/.test(text)) throw usageError(`--limit must be a whole number from 1 to 9999999 (got ${JSON.stringify(text)})`);
  return Number(text);
}
