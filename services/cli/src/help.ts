// Help text, rendered from the command table so that it always matches what the parser accepts.
import { COMMANDS, GLOBAL_OPTIONS, commandSpec, type CommandName, type OptionSpec } from './command-specs.ts';

const ENVIRONMENT = [
  ['KAFKA_BROKERS', 'Kafka brokers, host:port,… (default 127.0.0.1:9092)'],
  ['KAFKA_TOPIC_PREFIX', 'prefix of every hub topic (default none)'],
  ['REDIS_URL', 'Redis, redis://… (default redis://127.0.0.1:6379)'],
  ['REDIS_CLUSTER_NODES', 'host:port,… of a Redis Cluster; used instead of REDIS_URL when set'],
  ['REDIS_KEY_PREFIX', 'prefix of every hub key in Redis (default none)'],
  ['CONSOLIDATOR_GROUP_ID', 'the consolidator\'s consumer group (default lgsp-consolidator)'],
  ['HUB_HOST', 'host the hub services listen on, for health checks and re-drive (default 127.0.0.1)'],
  ['<SERVICE>_URL', 'one service\'s base URL instead, e.g. ADAPTER_LAND_URL, CONSOLIDATOR_URL, CITIZEN_API_URL'],
  ['AGENCY_KEY_<REGISTRY>', 'agency key used to re-drive that registry\'s letters, e.g. AGENCY_KEY_LAND'],
] as const;

function optionLines(options: Record<string, OptionSpec>): string[] {
  const rows = Object.entries(options).map(([name, spec]) => [`${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`, spec.description] as const);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`);
}

export function topLevelHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const envWidth = Math.max(...ENVIRONMENT.map(([name]) => name.length));
  return [
    'lgsp — operate the LGSP Hub: health, lag, replay, dead letters and data quality, straight from Kafka and Redis.',
    '',
    'Usage: lgsp <command> [options]        (from the repository: pnpm lgsp <command> [options])',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options for every command:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    'Environment:',
    ...ENVIRONMENT.map(([name, description]) => `  ${name.padEnd(envWidth)}  ${description}`),
    '',
    'Exit codes: 0 done, 1 the command failed, 64 wrong usage, 69 Kafka, Redis or a service could not be reached,',
    '78 a bad environment variable, 130 interrupted. Errors are one line on stderr.',
    '',
    'Run lgsp <command> --help for a command\'s options and examples.',
  ].join('\n');
}

export function groupHelp(group: string): string {
  const members = COMMANDS.filter((command) => command.name.startsWith(`${group} `));
  const width = Math.max(...members.map((command) => command.name.length));
  return [`Usage: lgsp ${group} <subcommand> [options]`, '', 'Subcommands:', ...members.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`), '', `Run lgsp ${group} <subcommand> --help for details.`].join('\n');
}

export function commandHelp(name: CommandName): string {
  const spec = commandSpec(name);
  const options = Object.keys(spec.options).length > 0 ? ['', 'Options:', ...optionLines(spec.options)] : [];
  return [
    `Usage: ${spec.usage}`,
    '',
    `${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`,
    '',
    ...spec.description,
    ...options,
    '',
    'Options for every command: --json, --brokers, --redis, --help (see lgsp --help, also for the environment).',
    '',
    'Examples:',
    ...spec.examples.map((example) => `  ${example}`),
  ].join('\n');
}
