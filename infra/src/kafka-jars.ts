// Fetches the Kafka broker's jars from Maven Central once (infra/pom.xml) into the user cache.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { infraDir, kafkaLibDir } from './paths.ts';

const MARKER = '.complete';

export function ensureKafkaJars(env: NodeJS.ProcessEnv = process.env): string {
  const lib = kafkaLibDir(env);
  if (fs.existsSync(path.join(lib, MARKER))) return lib;
  fs.mkdirSync(lib, { recursive: true });
  try {
    execFileSync(
      'mvn',
      ['-q', '-B', '-f', path.join(infraDir, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    const output = error instanceof Error && 'stdout' in error ? String((error as { stdout: unknown }).stdout) : '';
    throw new Error(`could not fetch the Kafka jars with Maven (is 'mvn' installed?): ${output.slice(-400)}`);
  }
  fs.writeFileSync(path.join(lib, MARKER), new Date().toISOString());
  return lib;
}

export function javaMajorVersion(): number | undefined {
  // `java -version` prints to stderr.
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) return undefined;
  return parseJavaVersion(`${result.stdout}${result.stderr}`);
}

function parseJavaVersion(text: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}
