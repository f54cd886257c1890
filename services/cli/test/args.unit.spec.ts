import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/args.ts';
import { EXIT } from '../src/errors.ts';
import { commandHelp, topLevelHelp } from '../src/help.ts';
import { COMMANDS } from '../src/command-specs.ts';

function usageFailure(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    expect((error as { exitCode: number }).exitCode).toBe(EXIT.usage);
    return (error as Error).message;
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
}

describe('parsing the command line', () => {
  it('picks a one-word command and the global options, before or after it', () => {
    expect(parseCommandLine(['lag', '--json'])).toEqual({ kind: 'run', command: 'lag', global: { json: true }, options: {} });
    expect(parseCommandLine(['--json', 'status', '--brokers', 'k:9092', '--redis', 'redis://r:6379'])).toEqual({
      kind: 'run',
      command: 'status',
      global: { json: true, brokers: 'k:9092', redis: 'redis://r:6379' },
      options: {},
    });
  });

  it('picks a two-word command with its options', () => {
    const parsed = parseCommandLine(['dlq', 'list', '--limit', '5', '--stage', 'consolidator']);
    expect(parsed).toMatchObject({ kind: 'run', command: 'dlq list', options: { limit: '5', stage: 'consolidator' } });
    const redrive = parseCommandLine(['dlq', 'redrive', '--id', 'a', '--id', 'b', '--adapter-url-land', 'http://h:1']);
    expect(redrive).toMatchObject({ kind: 'run', command: 'dlq redrive', options: { id: ['a', 'b'], 'adapter-url-land': 'http://h:1' } });
  });

  it('answers --help and `help` at every level', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['help', 'dlq', 'list'])).toEqual({ kind: 'help', command: 'dlq list' });
    expect(parseCommandLine(['dlq', '--help'])).toEqual({ kind: 'help', group: 'dlq' });
    expect(parseCommandLine(['quality', '-h'])).toEqual({ kind: 'help', command: 'quality' });
  });

  it('refuses unknown commands, options and arguments with one line naming them', () => {
    expect(usageFailure(['rebuild'])).toBe("unknown command 'rebuild'; run lgsp --help to see the commands");
    expect(usageFailure(['dlq', 'purge'])).toContain("unknown command 'lgsp dlq purge'");
    expect(usageFailure(['dlq'])).toContain('needs a subcommand: list, redrive');
    expect(usageFailure(['lag', '--limit', '3'])).toBe("unknown option '--limit' for lgsp lag; see lgsp lag --help");
    expect(usageFailure(['status', 'extra'])).toContain("unexpected argument 'extra'");
    expect(usageFailure(['--json'])).toContain('no command given');
  });

  it('checks option values before anything connects', () => {
    expect(usageFailure(['dlq', 'list', '--limit', '0'])).toContain('--limit must be a whole number');
    expect(usageFailure(['dlq', 'list', '--limit', 'ten'])).toContain('--limit must be a whole number');
    expect(usageFailure(['dlq', 'redrive'])).toContain('needs --id');
    expect(usageFailure(['dlq', 'redrive', '--all', '--id', 'x'])).toContain('not both');
    expect(usageFailure(['dlq', 'redrive', '--all', '--adapter-url-land', 'ftp://x'])).toContain('must be an http(s) URL');
    expect(usageFailure(['replay', '--registry', 'tax'])).toBe('--registry must be one of land, enterprise, household, judicial (got "tax")');
    expect(usageFailure(['replay', '--from', 'latest'])).toContain('--from must be earliest');
  });

  it('refuses a replay from a time, saying why the hub cannot do it', () => {
    expect(usageFailure(['replay', '--from', '2026-06-01T00:00:00+07:00'])).toMatch(/keeps no snapshot of the records as they stood at a past time.*use --from earliest/);
    expect(parseCommandLine(['replay', '--from', 'earliest', '--registry', 'land'])).toMatchObject({ kind: 'run', command: 'replay', options: { from: 'earliest', registry: 'land' } });
  });
});

describe('help', () => {
  it('lists every command, and only commands that exist', () => {
    const text = topLevelHelp();
    for (const command of COMMANDS) expect(text).toContain(command.name);
    expect(text).toMatch(/replay +rebuild the record into a fresh generation/);
  });

  it('documents every option of a command', () => {
    for (const command of COMMANDS) {
      const text = commandHelp(command.name);
      expect(text).toContain(`Usage: ${command.usage}`);
      for (const option of Object.keys(command.options)) expect(text).toContain(`--${option}`);
    }
    expect(commandHelp('quality')).toContain('nothing is scanned');
    expect(commandHelp('replay')).toContain('--from takes only earliest');
  });
});
