// `node packages/contract/src/compat/cli.ts [--repo <dir>] [--schemas <dir>]`: fails (exit 1) with one
// line per change that would reject an event an earlier committed version of a schema accepted.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { checkSchemaHistory, formatProblem } from './check-history.ts';
import { repositoryRoot } from './git.ts';

export async function runCompatibilityCli(argv: readonly string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let values: { repo?: string | undefined; schemas?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { repo: { type: 'string' }, schemas: { type: 'string' } }, strict: true }));
  } catch (error) {
    err.write(`schema compatibility: ${(error as Error).message}\n`);
    return 2;
  }
  const repoDir = values.repo ?? (await repositoryRoot(process.cwd())) ?? process.cwd();
  const report = await checkSchemaHistory({ repoDir, schemasDir: values.schemas ?? 'schemas' });
  for (const problem of report.problems) err.write(`${formatProblem(problem)}\n`);
  if (report.problems.length > 0) {
    err.write(`schema compatibility: ${report.problems.length} breaking change(s); a breaking change needs a new .vN schema file\n`);
    return 1;
  }
  out.write(`schema compatibility: ${report.filesChecked} schema file(s) accept everything ${report.versionsCompared} earlier version(s) accepted\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runCompatibilityCli(process.argv.slice(2));
}
