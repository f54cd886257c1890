// Where the native stack keeps downloaded jars (a user cache, shared by clones) and data (git-ignored, per clone).
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const KAFKA_VERSION = '4.3.1';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const infraDir = path.join(repoRoot, 'infra');

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.LGSP_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'lgsp-hub');
  return base;
}

export function kafkaLibDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(cacheDir(env), `kafka-${KAFKA_VERSION}`, 'lib');
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.LGSP_DATA_DIR ?? path.join(repoRoot, '.data');
}
