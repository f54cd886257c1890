// Validation micro-benchmark, one core: the hub's full validation (envelope + data schema +
// cross-field rules, with every error collected) next to its ceiling, bare ajv validating only the
// envelope, on the same generated events in the same run. Also both with JSON.parse in front, as an
// adapter receives them. Rounds alternate so that machine noise hits both sides alike.
// `node packages/contract/bench/validate.bench.ts [--events N] [--seconds S] [--rounds R] [--json]`
import { parseArgs } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { cloudEventSchema, compiledContract, createGenerator, validateEvent, type HubEvent } from '@lgsp/contract';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '14000' },
    seconds: { type: 'string', default: '1.5' },
    rounds: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});
const eventCount = Number(values.events);
const secondsPerRound = Number(values.seconds);
const rounds = Number(values.rounds);

function generateEvents(count: number): HubEvent[] {
  const generator = createGenerator(20250701);
  const events: HubEvent[] = [];
  while (events.length < count) events.push(...generator.eventsOfEveryType(generator.person()));
  return events.slice(0, count);
}

/** Runs `validate` over the events, round after round, for about `seconds`; returns events/s. */
function measure(inputs: readonly unknown[], validate: (input: unknown) => boolean, seconds: number): number {
  let done = 0;
  let failures = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  while (performance.now() < deadline) {
    for (const input of inputs) if (!validate(input)) failures += 1;
    done += inputs.length;
  }
  if (failures > 0) throw new Error(`${failures} generated events failed validation`);
  return done / ((performance.now() - started) / 1000);
}

const events = generateEvents(eventCount);
const texts = events.map((event) => JSON.stringify(event));

const compileStarted = performance.now();
compiledContract();
const compileMs = performance.now() - compileStarted;

// The ceiling: ajv with its defaults (first error only) and the same formats, on the envelope alone.
const bareAjv = new Ajv2020();
addFormats(bareAjv, ['date', 'date-time', 'uri']);
const bareEnvelope = bareAjv.compile(cloudEventSchema);

const scenarios = {
  'hub: validateEvent': [events, (input: unknown) => validateEvent(input).ok],
  'ceiling: ajv, envelope only': [events, (input: unknown) => bareEnvelope(input)],
  'hub: JSON.parse + validateEvent': [texts, (input: unknown) => validateEvent(JSON.parse(input as string)).ok],
  'ceiling: JSON.parse + ajv envelope': [texts, (input: unknown) => bareEnvelope(JSON.parse(input as string))],
} as const satisfies Record<string, readonly [readonly unknown[], (input: unknown) => boolean]>;
type Scenario = keyof typeof scenarios;

const best = new Map<Scenario, number>();
for (const [name, [inputs, validate]] of Object.entries(scenarios) as Array<[Scenario, (typeof scenarios)[Scenario]]>) {
  measure(inputs, validate, 0.3); // warm-up: let the JIT settle before counting
  best.set(name, 0);
}
for (let round = 0; round < rounds; round++) {
  for (const [name, [inputs, validate]] of Object.entries(scenarios) as Array<[Scenario, (typeof scenarios)[Scenario]]>) {
    best.set(name, Math.max(best.get(name)!, measure(inputs, validate, secondsPerRound)));
  }
}

const hub = best.get('hub: validateEvent')!;
const ceiling = best.get('ceiling: ajv, envelope only')!;
const hubParsed = best.get('hub: JSON.parse + validateEvent')!;
const ceilingParsed = best.get('ceiling: JSON.parse + ajv envelope')!;
const result = {
  node: process.version,
  events: eventCount,
  compileMs: Math.round(compileMs),
  results: [
    { id: 'validate', unit: 'events/s', hub: Math.round(hub), ceiling: Math.round(ceiling), ratio: Number((hub / ceiling).toFixed(3)) },
    { id: 'validate+parse', unit: 'events/s', hub: Math.round(hubParsed), ceiling: Math.round(ceilingParsed), ratio: Number((hubParsed / ceilingParsed).toFixed(3)) },
  ],
};

if (values.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const format = (n: number) => Math.round(n).toLocaleString('en-US').padStart(12);
  const lines = [
    `validation benchmark — ${eventCount} generated events of all 14 types, best of ${rounds} × ${secondsPerRound}s, Node ${process.version}, one core`,
    `contract compiled in ${Math.round(compileMs)} ms`,
    '',
    `${'scenario'.padEnd(36)}${'events/s'.padStart(12)}`,
    ...[...best].map(([name, rate]) => `${name.padEnd(36)}${format(rate)}`),
    '',
    `ratio hub / ceiling: ${(hub / ceiling).toFixed(2)} (validation only), ${(hubParsed / ceilingParsed).toFixed(2)} (with JSON.parse)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
