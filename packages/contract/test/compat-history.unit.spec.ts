// The compatibility check over git history: a throwaway repository with real commits, the CLI's
// exit codes and lines, and the hub's own schemas against their history.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSchemaHistory, runCompatibilityCli } from '@lgsp/contract';

const FILE = 'schemas/land/right-granted.v1.json';
const repos: string[] = [];

afterEach(() => {
  for (const dir of repos.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
}

function emptyRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), 'lgsp-compat-'));
  repos.push(repo);
  git(repo, 'init', '--quiet');
  return repo;
}

function writeSchema(repo: string, path: string, schema: unknown): void {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), `${JSON.stringify(schema, null, 2)}\n`);
}

function commit(repo: string, message: string): string {
  git(repo, 'add', '-A');
  git(repo, 'commit', '--quiet', '-m', message);
  return git(repo, 'rev-parse', 'HEAD').trim();
}

const v1 = {
  $id: 'urn:lgsp:schema:vn.lgsp.land.right-granted.v1',
  type: 'object',
  required: ['personalId', 'areaM2'],
  properties: { personalId: { type: 'string' }, areaM2: { type: 'number', exclusiveMinimum: 0 } },
  additionalProperties: false,
};

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return { stream, text: () => text };
}

describe('the schema compatibility check over git history', () => {
  it('has nothing to compare in a repository without commits or for a file never committed', async () => {
    const repo = emptyRepo();
    writeSchema(repo, FILE, v1);
    expect(await checkSchemaHistory({ repoDir: repo })).toEqual({ problems: [], filesChecked: 1, versionsCompared: 0 });
    commit(repo, 'first schema');
    writeSchema(repo, 'schemas/land/right-revoked.v1.json', v1);
    expect((await checkSchemaHistory({ repoDir: repo })).problems).toEqual([]);
  });

  it('passes compatible changes and names file, commit and pointer of each breaking one', async () => {
    const repo = emptyRepo();
    writeSchema(repo, FILE, v1);
    const first = commit(repo, 'release v1');
    const widened = { ...v1, properties: { ...v1.properties, landUse: { type: 'string' } } };
    writeSchema(repo, FILE, widened);
    const second = commit(repo, 'add an optional member');
    expect(await checkSchemaHistory({ repoDir: repo })).toMatchObject({ problems: [], versionsCompared: 2 });

    // Uncommitted: areaM2 must now be ≥ 1, and landUse disappears.
    writeSchema(repo, FILE, { ...v1, properties: { ...v1.properties, areaM2: { type: 'number', minimum: 1 } } });
    const report = await checkSchemaHistory({ repoDir: repo });
    expect(report.problems).toEqual([
      expect.objectContaining({ file: FILE, commit: second, pointer: '/properties/areaM2/minimum', kind: 'tighter-bound' }),
      expect.objectContaining({ file: FILE, commit: second, pointer: '/properties/landUse', kind: 'removed-property' }),
    ]);
    // The same problem against the older version is not repeated; the first commit had no landUse.
    expect(report.problems.some((problem) => problem.commit === first)).toBe(false);
  });

  it('catches a breaking change already committed, against the versions before it', async () => {
    const repo = emptyRepo();
    writeSchema(repo, FILE, v1);
    const first = commit(repo, 'release v1');
    writeSchema(repo, FILE, { ...v1, required: [...v1.required, 'landUse'], properties: { ...v1.properties, landUse: { type: 'string' } } });
    commit(repo, 'require landUse');
    expect((await checkSchemaHistory({ repoDir: repo })).problems).toEqual([expect.objectContaining({ commit: first, pointer: '/required', kind: 'newly-required' })]);
  });

  it('reports a released schema file that was removed', async () => {
    const repo = emptyRepo();
    writeSchema(repo, FILE, v1);
    const released = commit(repo, 'release v1');
    unlinkSync(join(repo, FILE));
    commit(repo, 'drop v1');
    expect((await checkSchemaHistory({ repoDir: repo })).problems).toEqual([expect.objectContaining({ file: FILE, commit: released, kind: 'schema-removed' })]);
  });

  it('is a command: exit 1 and one line per problem, exit 0 and a summary when compatible', async () => {
    const repo = emptyRepo();
    writeSchema(repo, FILE, v1);
    const released = commit(repo, 'release v1');
    const ok = sink();
    expect(await runCompatibilityCli(['--repo', repo], ok.stream, sink().stream)).toBe(0);
    expect(ok.text()).toContain('1 schema file(s)');

    writeSchema(repo, FILE, { ...v1, properties: { ...v1.properties, personalId: { type: 'string', pattern: '^[0-9]{12}$' } } });
    const err = sink();
    expect(await runCompatibilityCli(['--repo', repo], sink().stream, err.stream)).toBe(1);
    const lines = err.text().trim().split('\n');
    expect(lines[0]).toBe(`${FILE} (vs ${released.slice(0, 12)}) /properties/personalId/pattern: pattern-changed: pattern went from none to "^[0-9]{12}$"`);
    expect(lines).toHaveLength(2); // the problem, then the summary
    expect(await runCompatibilityCli(['--bogus'], sink().stream, sink().stream)).toBe(2);
  });

  it("holds for the hub's own schemas against their history", async () => {
    const repoDir = new URL('../../../', import.meta.url).pathname;
    const report = await checkSchemaHistory({ repoDir });
    expect(report.problems).toEqual([]);
    expect(report.filesChecked).toBeGreaterThanOrEqual(15);
  });
});
