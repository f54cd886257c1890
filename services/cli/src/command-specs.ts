// Every command the CLI has, its options and its help text, as data: the parser, the help printer and the
// tests read this one table, so an option cannot be parsed without being documented.
import { REGISTRIES } from '@lgsp/kafka';

export type CommandName = 'status' | 'lag' | 'replay' | 'dlq list' | 'dlq redrive' | 'quality' | 'audit verify';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Shown in help after the flag, e.g. `<n>`. */
  value?: string;
  description: string;
}

export interface CommandSpec {
  name: CommandName;
  summary: string;
  usage: string;
  /** Paragraphs shown under the usage line. */
  description: string[];
  options: Record<string, OptionSpec>;
  examples: string[];
}

export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'machine-readable output: one JSON document on stdout' },
  brokers: { type: 'string', value: '<host:port,…>', description: 'Kafka brokers (overrides KAFKA_BROKERS)' },
  redis: { type: 'string', value: '<redis://…>', description: 'Redis URL (overrides REDIS_URL)' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
};

const adapterUrlOptions: Record<string, OptionSpec> = Object.fromEntries(
  REGISTRIES.map((registry) => [
    `adapter-url-${registry}`,
    { type: 'string', value: '<url>', description: `base URL of adapter-${registry} (default: ADAPTER_${registry.toUpperCase()}_URL, else http://HUB_HOST:<its port>)` },
  ]),
);

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'status',
    summary: "each service's health, topics and end offsets, consumer lag, record count",
    usage: 'lgsp status [--json]',
    description: [
      'Asks every hub service for GET /health and GET /ready (a service that does not answer is reported down, not an error),',
      'lists the hub topics with their partitions and end offsets, the consolidator group\'s lag, the current record',
      'generation and how many records it holds (a counter the consolidator keeps, not a scan), a replay running now,',
      'and any generation an interrupted replay left behind.',
    ],
    options: {},
    examples: ['lgsp status', 'lgsp status --json | jq .lag.total'],
  },
  {
    name: 'lag',
    summary: 'lag per topic and partition for the consolidator group, and the total',
    usage: 'lgsp lag [--json]',
    description: [
      'For every partition of the four registry topics: the offset the consolidator group has committed, the end offset',
      '(the next offset Kafka will write) and their difference. A partition the group has never committed counts every',
      'message still in it. Always exits 0 when Kafka answers, whatever the lag; read the total to alert on it.',
    ],
    options: {},
    examples: ['lgsp lag', 'lgsp lag --json | jq .total'],
  },
  {
    name: 'replay',
    summary: 'rebuild the record into a fresh generation while the live one serves, then switch readers over',
    usage: 'lgsp replay [--from earliest] [--registry <name>] [--json]',
    description: [
      'Builds the record projection again from the registry topics (Kafka keeps every event forever) into a new generation',
      'of Redis keys, with a consumer group of its own, while the live generation keeps serving and the live consolidator',
      'keeps folding new events into it. A progress bar on stderr shows events applied, events per second and the time',
      'left. Once the new generation is close to the end of every topic, the handover: the live consolidator pauses its',
      'writes for a moment, the new generation catches up with every event the live one applied, and one atomic switch',
      'of the generation pointer moves the citizen API, the console and the live consolidator onto it. Readers never see',
      'a record go missing: the new generation holds everything the old one did. When no reader is left on the old',
      'generation, its keys are dropped.',
      'Nothing is published to lgsp.citizen.records.v1 and no dead letter is written again: the rebuilt records are the',
      'ones subscribers already have. The records equal, byte for byte (updatedAt apart), those built live.',
      'Interrupted (Ctrl-C, a crash, SIGKILL), a replay leaves the live generation serving as before; its lease expires',
      'within 15 s, and the next lgsp replay drops what it had built and starts again.',
      '--registry <name> rebuilds one registry\'s share of every record (the sections it owns, their history and',
      'provenance) from its topic, and carries the other registries\' shares over from the live generation.',
      '--workers <n> folds with n processes (members of the replay\'s consumer group, one core each), each taking a share',
      'of the partitions: the rebuild time divides by their number, up to one per partition.',
      '--from takes only earliest. A replay from a time would start from the records as they stood then, and the hub',
      'keeps no such snapshot: a record is the fold of all of a person\'s events from the beginning of each topic, and',
      'folding from the beginning gives exactly the records a snapshot plus the later events would. An RFC 3339 time is',
      'refused with exit 64.',
      'Exit 0 when the switch is done, 1 when another replay is running or the switch was refused (the pointer moved',
      'meanwhile), 69 when Kafka or Redis cannot be reached, 130 when interrupted.',
    ],
    options: {
      from: { type: 'string', value: 'earliest', description: 'where the rebuild starts; only earliest (the default), see above' },
      registry: { type: 'string', value: '<name>', description: `rebuild only this registry's share (${REGISTRIES.join(', ')})` },
      workers: { type: 'string', value: '<n>', description: 'processes folding the new generation, this one included (default 1; up to one per partition helps)' },
    },
    examples: ['lgsp replay', 'lgsp replay --registry land', 'lgsp replay --json | jq .eventsPerSecond'],
  },
  {
    name: 'dlq list',
    summary: 'dead letters with id, stage, reason, source and time (newest last)',
    usage: 'lgsp dlq list [--limit <n>] [--stage <stage>] [--json]',
    description: [
      'Reads lgsp.deadletter.v1 from its beginning and shows the letters oldest first, newest last; --limit keeps the',
      'newest n. A letter that `lgsp dlq redrive` already sent back is marked redriven.',
    ],
    options: {
      limit: { type: 'string', value: '<n>', description: 'show only the newest n letters (default 50)' },
      stage: { type: 'string', value: '<stage>', description: 'only letters of this stage, e.g. consolidator or adapter-land' },
    },
    examples: ['lgsp dlq list', 'lgsp dlq list --stage consolidator --limit 10', 'lgsp dlq list --json | jq ".letters[].id"'],
  },
  {
    name: 'dlq redrive',
    summary: 'send dead letters back through the adapter\'s validation and publishing',
    usage: `lgsp dlq redrive (--id <id> … | --all) [--adapter-url-<registry> <url>] [--json]`,
    description: [
      'Each letter goes back to the adapter of its registry (from the letter\'s source topic or stage) over HTTP, with',
      'that registry\'s agency key: a native record to POST /v1/records, a CloudEvent to POST /v1/events. So a letter',
      'that failed for a mapping or schema since fixed now passes; one the adapter still refuses stays, with the reason.',
      'A letter is marked redriven (Redis set lgsp:dlq:redriven) only after the adapter answered 202, and a marked',
      'letter is never sent again. Agency keys: AGENCY_KEY_<REGISTRY> (e.g. AGENCY_KEY_LAND); outside production the',
      'development keys are used when unset.',
      'Exit 0 when every selected letter was re-driven (or had been), 1 when any was refused or cannot be routed, 69',
      'when an adapter could not be reached.',
    ],
    options: {
      id: { type: 'string', multiple: true, value: '<id>', description: 'a letter to re-drive (repeat for several)' },
      all: { type: 'boolean', description: 'every letter not yet re-driven (progress bar on stderr when it is a terminal)' },
      ...adapterUrlOptions,
    },
    examples: ['lgsp dlq redrive --id lgsp.registry.land.v1:3:1042', 'lgsp dlq redrive --all --adapter-url-land http://10.0.0.5:8101'],
  },
  {
    name: 'quality',
    summary: 'province-wide data-quality figures (record.md §3)',
    usage: 'lgsp quality [--json]',
    description: [
      'Clean: records with each quality issue code. Complete: share of records with each section present. Correct: per',
      'registry, events in its topic, events its adapter had acknowledged, requests refused by problem code, and dead',
      'letters. Live: per registry, how long ago its adapter last had an event acknowledged, and the consolidator\'s lag.',
      'Every figure is a counter the hub keeps as it works (the record counters are updated in the same Redis script',
      'that stores each record, so they are exact); nothing is scanned, so it answers at once on any province. The same',
      'figures are on the consolidator\'s /metrics as lgsp_records*, lgsp_registry_* gauges.',
    ],
    options: {},
    examples: ['lgsp quality', 'lgsp quality --json | jq .clean'],
  },
  {
    name: 'audit verify',
    summary: 'check the audit log\'s hash chain end to end',
    usage: 'lgsp audit verify [--json]',
    description: [
      'Reads lgsp.audit.v1 from its beginning, partition by partition, and checks each partition as a hash chain: every',
      'entry must match its own SHA-256 (else it was altered) and name the previous entry\'s hash (else an entry was',
      'removed, inserted or reordered). Where the head the citizen API recorded in Redis ends exactly where the read',
      'ended, the chain must end at that head too (else entries are missing at the end); when writers have appended',
      'since, the tail is checked on the next run.',
      'Exit 0 when every partition is intact, 1 when any break is found (each is listed), 69 when Kafka or Redis cannot',
      'be reached.',
    ],
    options: {},
    examples: ['lgsp audit verify', 'lgsp audit verify --json | jq .partitions[].breaks'],
  },
];

export function commandSpec(name: CommandName): CommandSpec {
  return COMMANDS.find((command) => command.name === name)!;
}
