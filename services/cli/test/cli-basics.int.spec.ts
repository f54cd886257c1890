// How the CLI fails, as a process: wrong usage and unreachable servers are one line on stderr and an
// exit code a script can test; --json is one parseable document.
import { describe, expect, it } from 'vitest';
import { stackEndpoints, uniqueId, uniqueTopicPrefix } from '@lgsp/testkit';
import { runCli } from './cli-process.ts';

describe('the lgsp process', () => {
  it('refuses an unknown command with exit 64 and one line', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code).toBe(64);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual(["lgsp: unknown command 'frobnicate'; run lgsp --help to see the commands"]);
  });

  it('prints help for the whole tool and for one command, and exits 0', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('dlq redrive');
    const command = await runCli(['dlq', 'list', '--help']);
    expect(command.code).toBe(0);
    expect(command.stdout).toContain('Usage: lgsp dlq list');
  });

  it('says in one line, with exit 69, that Kafka cannot be reached', async () => {
    const run = await runCli(['lag'], { KAFKA_BROKERS: '127.0.0.1:1' });
    expect(run.code).toBe(69);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^lgsp: Kafka at 127\.0\.0\.1:1 cannot be reached/);
  });

  it('says in one line, with exit 69, that Redis cannot be reached', async () => {
    const run = await runCli(['status', '--redis', 'redis://127.0.0.1:1'], { KAFKA_BROKERS: stackEndpoints().kafkaBrokers, KAFKA_TOPIC_PREFIX: uniqueTopicPrefix() });
    expect(run.code).toBe(69);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^lgsp: Redis at redis:\/\/127\.0\.0\.1:1 cannot be reached/);
  });

  it('names a bad environment variable in one line, with exit 78', async () => {
    const run = await runCli(['lag'], { KAFKA_TOPIC_PREFIX: 'bad prefix!' });
    expect(run.code).toBe(78);
    expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('KAFKA_TOPIC_PREFIX')]);
  });

  it('gives lag as one JSON document, empty for a hub whose topics do not exist yet', async () => {
    const run = await runCli(['lag', '--json'], { KAFKA_BROKERS: stackEndpoints().kafkaBrokers, KAFKA_TOPIC_PREFIX: uniqueTopicPrefix(), CONSOLIDATOR_GROUP_ID: uniqueId('g') });
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({ group: expect.stringMatching(/^g-/), total: 0, partitions: [] });
  });
});
