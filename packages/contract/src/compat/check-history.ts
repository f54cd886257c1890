// The compatibility check over git history: every schema file under `schemas/` is compared with
// every committed version of itself, and a released schema file may not disappear. A breaking
// change belongs in a new `.vN` file beside the old one.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { compareSchemas, type Incompatibility } from './compare-schemas.ts';
import { commitsTouching, fileAtCommit, isGitRepository, pathsEverCommitted } from './git.ts';

export interface CompatibilityProblem {
  /** Path from the repository root, e.g. `schemas/land/right-granted.v1.json`. */
  file: string;
  /** The earlier commit whose version would lose events. */
  commit: string;
  pointer: string;
  kind: Incompatibility['kind'] | 'schema-removed' | 'unreadable-schema';
  message: string;
}

export interface CompatibilityReport {
  problems: CompatibilityProblem[];
  filesChecked: number;
  versionsCompared: number;
}

export interface CheckSchemaHistoryOptions {
  /** The repository's root directory. */
  repoDir: string;
  /** The schema folder, relative to repoDir. */
  schemasDir?: string;
}

async function schemaFilesOnDisk(repoDir: string, schemasDir: string): Promise<string[]> {
  const root = join(repoDir, schemasDir);
  let entries: string[];
  try {
    entries = await readdir(root, { recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.endsWith('.json'))
    .map((entry) => relative(repoDir, join(root, entry)).split(sep).join('/'))
    .sort();
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function asSchema(value: unknown): boolean | Record<string, unknown> | undefined {
  if (typeof value === 'boolean') return value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return undefined;
}

export async function checkSchemaHistory({ repoDir, schemasDir = 'schemas' }: CheckSchemaHistoryOptions): Promise<CompatibilityReport> {
  const files = await schemaFilesOnDisk(repoDir, schemasDir);
  const report: CompatibilityReport = { problems: [], filesChecked: files.length, versionsCompared: 0 };
  if (!(await isGitRepository(repoDir))) return report;

  for (const file of files) {
    const current = parseJson(await readFile(join(repoDir, file), 'utf8'));
    const currentSchema = current.ok ? asSchema(current.value) : undefined;
    if (currentSchema === undefined) {
      const why = current.ok ? 'is not a JSON Schema (an object or a boolean)' : `is not JSON: ${current.error}`;
      report.problems.push({ file, commit: 'working tree', pointer: '', kind: 'unreadable-schema', message: `the file ${why}` });
      continue;
    }
    const seen = new Set<string>();
    for (const commit of await commitsTouching(repoDir, file)) {
      const text = await fileAtCommit(repoDir, commit, file);
      if (text === undefined) continue;
      const earlier = parseJson(text);
      const earlierSchema = earlier.ok ? asSchema(earlier.value) : undefined;
      if (earlierSchema === undefined) continue; // a version nobody could have validated against
      report.versionsCompared += 1;
      for (const problem of compareSchemas(earlierSchema, currentSchema)) {
        // Commits come newest first: the same problem against an older version is not news.
        const key = `${problem.kind} ${problem.pointer} ${problem.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report.problems.push({ file, commit, ...problem });
      }
    }
  }

  const present = new Set(files);
  for (const file of await pathsEverCommitted(repoDir, schemasDir)) {
    if (!file.endsWith('.json') || present.has(file)) continue;
    const commits = await commitsTouching(repoDir, file);
    for (const commit of commits) {
      if ((await fileAtCommit(repoDir, commit, file)) === undefined) continue;
      report.problems.push({ file, commit, pointer: '', kind: 'schema-removed', message: 'a released schema file was removed; keep it and add a new version beside it' });
      break;
    }
  }
  return report;
}

export function formatProblem(problem: CompatibilityProblem): string {
  const commit = problem.commit.length === 40 ? problem.commit.slice(0, 12) : problem.commit;
  return `${problem.file} (vs ${commit}) ${problem.pointer || '/'}: ${problem.kind}: ${problem.message}`;
}
