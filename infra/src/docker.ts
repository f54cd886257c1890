// Whether a Docker engine answers here (the client alone is not enough: it needs a daemon behind it).
import { execFile } from 'node:child_process';

export function dockerEngineAnswers(timeoutMs = 3_000): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: timeoutMs }, (error, stdout) => {
      resolve(!error && stdout.trim().length > 0);
    });
  });
}
