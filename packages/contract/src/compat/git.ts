// The few git reads the compatibility check needs, as plain functions over `git` in a directory.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export async function runGit(cwd: string, args: readonly string[]): Promise<GitResult> {
  try {
    // quotepath off: paths come back as written, not octal-escaped.
    const { stdout, stderr } = await execFileAsync('git', ['-c', 'core.quotepath=off', ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, stdout, stderr };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, stdout: failure.stdout ?? '', stderr: failure.stderr ?? failure.message };
  }
}

/** Commits that touched the path, newest first; none in a repository without commits. */
export async function commitsTouching(repoDir: string, path: string): Promise<string[]> {
  const result = await runGit(repoDir, ['log', '--format=%H', '--', path]);
  if (!result.ok) return [];
  return result.stdout.split('\n').filter((line) => line.length > 0);
}

/** The file's content at a commit, or undefined where that commit deleted it. */
export async function fileAtCommit(repoDir: string, commit: string, path: string): Promise<string | undefined> {
  const result = await runGit(repoDir, ['show', `${commit}:${path}`]);
  return result.ok ? result.stdout : undefined;
}

/** Every path under a folder that any commit ever touched. */
export async function pathsEverCommitted(repoDir: string, folder: string): Promise<string[]> {
  const result = await runGit(repoDir, ['log', '--format=', '--name-only', '--', folder]);
  if (!result.ok) return [];
  return [...new Set(result.stdout.split('\n').filter((line) => line.length > 0))];
}

export async function isGitRepository(dir: string): Promise<boolean> {
  return (await runGit(dir, ['rev-parse', '--git-dir'])).ok;
}

export async function repositoryRoot(dir: string): Promise<string | undefined> {
  const result = await runGit(dir, ['rev-parse', '--show-toplevel']);
  return result.ok ? result.stdout.trim() : undefined;
}
