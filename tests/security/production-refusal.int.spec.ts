// The development keys are public (api.md §3), so with NODE_ENV=production every service that takes keys
// refuses to start on the development policy, or on any policy holding a development key's hash: one line
// on stderr naming the file and the fault, exit 78. A production policy with keys of its own starts, and
// then a development key is just an unknown key. (The consolidator takes no keys and loads no policy:
// it serves only the open routes, which tests/security/http-surface.int.spec.ts checks.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentPolicyPath, hashKey } from '@lgsp/policy';
import { createKafka, ensureTopics, hubTopicSpecs } from '@lgsp/kafka';
import { quietLogger, runServiceToExit, serviceEntry, stackEndpoints, startServiceProcess, uniqueKeyPrefix, uniqueTopicPrefix, type HubServiceName, type ServiceExit, type ServiceProcess } from '@lgsp/testkit';

const KEYED_SERVICES: HubServiceName[] = ['citizen-api', 'adapter-land', 'adapter-enterprise', 'adapter-household', 'adapter-judicial'];

const runToExit = (service: HubServiceName, env: Record<string, string>): Promise<ServiceExit> => runServiceToExit(serviceEntry(service), env);

let dir: string;
const started: ServiceProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lgsp-production-policy-'));
});

afterAll(async () => {
  await Promise.all(started.map((service) => service.stop('SIGTERM')));
  rmSync(dir, { recursive: true, force: true });
});

/** The development policy with `environment: production` and one development key's hash kept. */
function policyWithOneDevKey(name: string): string {
  const document = JSON.parse(readFileSync(developmentPolicyPath, 'utf8')) as { environment: string; agencies: Array<{ keyHash: string }>; consumers: Array<{ keyHash: string }>; operators: Array<{ keyHash: string }> };
  // Every other holder gets a key of its own; an operator who also reads keeps sharing its consumer's key.
  const rekey = <T extends { keyHash: string }>(holder: T): T => ({ ...holder, keyHash: hashKey(`production-${holder.keyHash.slice(0, 16)}`) });
  const file = path.join(dir, `${name}-one-dev-key.json`);
  const [land, ...otherAgencies] = document.agencies;
  writeFileSync(file, JSON.stringify({ ...document, environment: 'production', agencies: [land, ...otherAgencies.map(rekey)], consumers: document.consumers.map(rekey), operators: document.operators.map(rekey) }));
  return file;
}

describe('NODE_ENV=production', () => {
  it.concurrent.each(KEYED_SERVICES.map((name) => [name]))('%s refuses the development policy: one line, exit 78', async (service) => {
    const { code, stdout, stderr } = await runToExit(service, { NODE_ENV: 'production' });
    expect(code).toBe(78);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${service}: policy file ${developmentPolicyPath}: development keys are refused when NODE_ENV=production: /environment is "development"\n`);
  });

  it.concurrent.each(KEYED_SERVICES.map((name) => [name]))('%s refuses a production policy that holds one development key', async (service) => {
    const file = policyWithOneDevKey(service);
    const { code, stderr } = await runToExit(service, { NODE_ENV: 'production', POLICY_FILE: file });
    expect(code).toBe(78);
    expect(stderr).toBe(`${service}: policy file ${file}: development keys are refused when NODE_ENV=production: /agencies/0/keyHash is the hash of the development key dev-land-key\n`);
  });

  it('starts on a production policy of its own keys, and a development key is then unknown', async () => {
    const key = 'prod-land-office-7f3a9c2e41b8d6f0';
    const file = path.join(dir, 'production.json');
    writeFileSync(
      file,
      JSON.stringify({ environment: 'production', agencies: [{ name: 'land registration office', keyHash: hashKey(key), registry: 'land' }], consumers: [], operators: [] }),
    );
    const topicPrefix = uniqueTopicPrefix();
    const admin = createKafka({ brokers: stackEndpoints().kafkaBrokers, clientId: 'production-policy', logger: quietLogger() }).admin();
    await admin.connect();
    await ensureTopics(admin, hubTopicSpecs({ prefix: topicPrefix, partitions: 1 }));
    await admin.disconnect();
    const { kafkaBrokers, redisUrl } = stackEndpoints();
    const adapter = await startServiceProcess(
      serviceEntry('adapter-land'),
      { NODE_ENV: 'production', POLICY_FILE: file, KAFKA_BROKERS: kafkaBrokers, REDIS_URL: redisUrl, KAFKA_TOPIC_PREFIX: topicPrefix, REDIS_KEY_PREFIX: uniqueKeyPrefix() },
      'adapter ready',
    );
    started.push(adapter);
    const withKey = (value: string) => fetch(`${adapter.url}/v1/schemas`, { headers: { authorization: `Bearer ${value}` } });
    expect((await withKey(key)).status).toBe(200);
    expect((await withKey('dev-land-key')).status).toBe(401);
  }, 60_000);
});
