#!/usr/bin/env node
// lgsp, the operators' command line (api.md §4). Composition root only: parse argv, load the
// configuration, run the command, print its result, and turn every failure into one line on stderr and
// an exit code (64 usage, 69 unavailable, 78 configuration, 1 anything else).
import type { Registry } from '@lgsp/contract';
import { ConfigError } from '@lgsp/runtime';
import { parseCommandLine, type ParsedCommandLine } from './args.ts';
import { loadCliConfig } from './config.ts';
import { createCliContext, type CliContext } from './context.ts';
import { CliError, EXIT, oneLine, type ExitCode } from './errors.ts';
import { commandHelp, groupHelp, topLevelHelp } from './help.ts';
import { runAuditVerify } from './commands/audit-verify.ts';
import { runDlqList } from './commands/dlq-list.ts';
import { runDlqRedrive } from './commands/dlq-redrive.ts';
import { runLag } from './commands/lag.ts';
import { runQuality } from './commands/quality.ts';
import { runReplay } from './commands/replay.ts';
import type { CommandResult } from './commands/result.ts';
import { runStatus } from './commands/status.ts';

type Run = Extract<ParsedCommandLine, { kind: 'run' }>;

function runCommand(parsed: Run, context: CliContext): Promise<CommandResult> {
  const { options } = parsed;
  switch (parsed.command) {
    case 'status':
      return runStatus(context);
    case 'lag':
      return runLag(context);
    case 'replay':
      return runReplay(context, {
        ...(typeof options.registry === 'string' ? { registry: options.registry as Registry } : {}),
        ...(typeof options.workers === 'string' ? { workers: Number(options.workers) } : {}),
      });
    case 'dlq list':
      return runDlqList(context, {
        ...(typeof options.limit === 'string' ? { limit: options.limit } : {}),
        ...(typeof options.stage === 'string' ? { stage: options.stage } : {}),
      });
    case 'dlq redrive':
      return runDlqRedrive(context, {
        ...(Array.isArray(options.id) ? { id: options.id } : {}),
        all: options.all === true,
        adapterUrls: Object.fromEntries(
          Object.entries(options)
            .filter(([name]) => name.startsWith('adapter-url-'))
            .map(([name, value]) => [name.slice('adapter-url-'.length), String(value)]),
        ),
      });
    case 'quality':
      return runQuality(context);
    case 'audit verify':
      return runAuditVerify(context);
    default: {
      const unreachable: never = parsed.command;
      throw new Error(`unhandled command ${String(unreachable)}`);
    }
  }
}

function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof ConfigError) return EXIT.config;
  // kafkajs gives up with these when the cluster stops answering half-way through a command.
  const name = (error as { name?: string } | undefined)?.name ?? '';
  if (/^KafkaJS(Connection|NumberOfRetriesExceeded|BrokerNotFound|RequestTimeout|ConnectionClosed)/.test(name)) return EXIT.unavailable;
  return EXIT.failure;
}

async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<ExitCode> {
  let context: CliContext | undefined;
  try {
    if (argv.length === 0) {
      process.stderr.write(`${topLevelHelp()}\n`);
      return EXIT.usage;
    }
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'help') {
      process.stdout.write(`${parsed.command ? commandHelp(parsed.command) : parsed.group ? groupHelp(parsed.group) : topLevelHelp()}\n`);
      return EXIT.ok;
    }
    const config = loadCliConfig(parsed.global, env);
    context = createCliContext(config, { json: parsed.global.json });
    const result = await runCommand(parsed, context);
    process.stdout.write(parsed.global.json ? `${JSON.stringify(result.json, null, 2)}\n` : `${result.text}\n`);
    return result.exitCode;
  } catch (error) {
    const prefix = error instanceof ConfigError ? 'lgsp: configuration error: ' : 'lgsp: ';
    process.stderr.write(`${prefix}${oneLine(error)}\n`);
    return exitCodeOf(error);
  } finally {
    await context?.close();
  }
}

const code = await main(process.argv.slice(2));
// Exit now: a half-closed client (kafkajs retry timers, ioredis reconnects) must not keep the prompt waiting.
process.exitCode = code;
await new Promise((resolve) => process.stdout.write('', resolve));
process.exit(code);
