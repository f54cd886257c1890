// An OpenAPI-driven fuzzer nobody here wrote — schemathesis, pinned in requirements.txt beside this file and
// installed by .ci/run — against each running service's own /openapi.json, on a whole hub of real
// processes: every check it has (no 5xx; status codes, content types, headers and bodies as documented;
// schema-invalid requests refused, schema-valid ones not refused for what the document allows; secured
// operations refused without the key), seeded and bounded. Nothing is pinned: the citizen API's document
// lists the policy's purposes and gives a person the hub knows as its example, so reads reach records. Missing or another version of schemathesis
// fails the test: nothing is skipped.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyKeyOf, eventually, HUB_SERVICE_NAMES, startHub, type HubServiceName, type HubUnderTest } from '@lgsp/testkit';

const SEED = 20_261_201;
const EXAMPLES_PER_OPERATION = 10;
const here = path.dirname(fileURLToPath(import.meta.url));
const PINNED = /^schemathesis==(\S+)$/m.exec(readFileSync(path.join(here, 'requirements.txt'), 'utf8'))?.[1];
const SCHEMATHESIS = process.env.SCHEMATHESIS_BIN ?? 'schemathesis';
const HOUSEHOLD_RECORD = (JSON.parse(readFileSync(path.join(here, 'fixtures', 'native-records.json'), 'utf8')) as { records: { household: { congDan: { soDinhDanh: string } } } }).records.household;
const EXAMPLE_PERSONAL_ID = HOUSEHOLD_RECORD.congDan.soDinhDanh;

interface Run {
  code: number | null;
  output: string;
}

function run(args: readonly string[], cwd: string, timeoutMs = 120_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    // In a directory of the run's own: schemathesis keeps a cache in the one it runs in.
    const child = spawn(SCHEMATHESIS, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

// What each service's operations need to get past authentication and reach their logic.
function keyOf(service: HubServiceName): string | undefined {
  if (service.startsWith('adapter-')) return agencyKeyOf(service.slice('adapter-'.length));
  if (service === 'citizen-api') return 'dev-citizen-portal-key';
  if (service === 'console') return 'dev-operator-key';
  return undefined;
}

/**
 * The run's configuration. Two answers the document names are widened beyond schemathesis' defaults, each
 * for a reason the spec gives: a batch over 1,000 events is refused with 413 (api.md §1), and a body that
 * matches the envelope can still break the contract (an event type's data schema, identifiers, subject =
 * data's ID) or the native mapping, which the push routes answer 422 naming every problem. And no
 * parameter the document does not name counts as invalid: every HTTP request carries headers no document
 * lists (User-Agent, Accept, …), and the hub ignores query parameters it does not know.
 */
function configFor(service: HubServiceName): string {
  const lines = [
    '[generation]',
    'allow-extra-parameters = false',
    '',
    '[checks.negative_data_rejection]',
    'expected-statuses = [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429]',
    '',
  ];
  if (service.startsWith('adapter-')) {
    lines.push(
      '[[operations]]',
      'include-method = "POST"',
      'include-path-regex = "^/v1/(events|records)$"',
      'checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", 401, 403, 404, 409, 422, 429]',
      '',
    );
  }
  return lines.join('\n');
}

let hub: HubUnderTest;
let workDir: string;
const summary: string[] = [];

beforeAll(async () => {
  // Before the hub: without the fuzzer there is nothing to run, and the failure says how to get it.
  workDir = mkdtempSync(path.join(os.tmpdir(), 'lgsp-schemathesis-'));
  let version: Run;
  try {
    version = await run(['--version'], workDir);
  } catch (error) {
    throw new Error(
      `schemathesis is not installed (${(error as Error).message}): pip install -r tests/fuzz/requirements.txt, or run bash .ci/run, or set SCHEMATHESIS_BIN`,
    );
  }
  expect(version.output.trim(), `schemathesis ${PINNED} is pinned in tests/fuzz/requirements.txt`).toBe(`schemathesis, version ${PINNED}`);

  hub = await startHub();
  await hub.start('console', { CITIZEN_API_URL: hub.url('citizen-api') });
  // The person the citizen API's document gives as its example, so reads of it reach a real record.
  const pushed = await fetch(`${hub.url('adapter-household')}/v1/records`, {
    method: 'POST',
    headers: { authorization: `Bearer ${agencyKeyOf('household')}`, 'content-type': 'application/json' },
    body: JSON.stringify(HOUSEHOLD_RECORD),
  });
  expect(pushed.status).toBe(202);
  await eventually(async () => {
    const response = await fetch(`${hub.url('citizen-api')}/v1/citizens/${EXAMPLE_PERSONAL_ID}?purpose=data-subject-access`, { headers: { authorization: 'Bearer dev-citizen-portal-key' } });
    return response.status === 200 ? true : undefined;
  });
}, 180_000);

afterAll(async () => {
  process.stdout.write(`schemathesis: ${summary.join('; ')}\n`);
  await hub?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('schemathesis finds nothing against any service', () => {
  it.each([...HUB_SERVICE_NAMES, 'console' as const].map((name) => [name]))('%s, against its own /openapi.json', async (service) => {
    const document = (await (await fetch(`${hub.url(service)}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(document.paths).reduce((count, methods) => count + Object.keys(methods).length, 0);
    expect(operations, 'every service documents its operations (health, readiness and metrics at least)').toBeGreaterThanOrEqual(3);

    const config = path.join(workDir, `${service}.toml`);
    writeFileSync(config, configFor(service));
    const key = keyOf(service);
    const result = await run([
      '--config-file',
      config,
      'run',
      `${hub.url(service)}/openapi.json`,
      '--checks',
      'all',
      // No operation creates a resource another one reads, so there is nothing for the stateful phase.
      '--phases',
      'examples,coverage,fuzzing',
      '--max-examples',
      String(EXAMPLES_PER_OPERATION),
      '--seed',
      String(SEED),
      '--workers',
      '2',
      '--request-timeout',
      '20',
      '--generation-database',
      'none',
      '--no-color',
      ...(key ? ['--header', `Authorization: Bearer ${key}`] : []),
      // The console refuses a state-changing request without it (so no other site can forge one).
      ...(service === 'console' ? ['--header', 'x-lgsp-console: 1'] : []),
    ], workDir);
    const tail = result.output.slice(-12_000);
    expect(result.code, `schemathesis against ${service} (exit ${result.code}):\n${tail}`).toBe(0);
    // Nothing left untested: every documented operation was selected and run.
    expect(result.output, tail).toContain(`Selected: ${operations}/${operations}`);
    expect(result.output, tail).toContain(`Tested: ${operations}`);
    const cases = /(\d+) generated, (\d+) passed/.exec(result.output);
    summary.push(`${service} ${operations} operations, ${cases?.[1] ?? '?'} cases`);
  }, 180_000);
});
