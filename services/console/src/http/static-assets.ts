// The console's front end as files held in memory: its own pages, scripts and styles (static/), and the
// few vendor modules it imports, taken from their npm packages (pinned by the lockfile) rather than copied
// into the repository. Read once at start-up; each answered with an ETag so browsers revalidate cheaply.
// Which files exist is decided here, never by a path from the request, so nothing else can be reached.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
}

export interface ConsoleAssets {
  /** `/assets/...` → the file. */
  files: ReadonlyMap<string, Asset>;
  appPage: Asset;
  loginPage: Asset;
  /** `'sha256-…'` of the app page's inline import map, for its Content-Security-Policy. */
  importMapHash: string;
}

export const STATIC_DIR = fileURLToPath(new URL('../../static/', import.meta.url));

/** The vendor modules, as the import map names them, each found as Node resolves the specifier (the packages' ES module builds). */
export const VENDOR_FILES = [
  { url: '/assets/vendor/preact/preact.mjs', specifier: 'preact' },
  { url: '/assets/vendor/preact/hooks.mjs', specifier: 'preact/hooks' },
  { url: '/assets/vendor/htm/htm.mjs', specifier: 'htm' },
  { url: '/assets/vendor/uplot/uPlot.esm.js', specifier: 'uplot/dist/uPlot.esm.js' },
  { url: '/assets/vendor/uplot/uPlot.min.css', specifier: 'uplot/dist/uPlot.min.css' },
] as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const IMPORT_MAP = /<script type="importmap">([^]*?)<\/script>/;

function assetOf(file: string): Asset {
  const contentType = CONTENT_TYPES[path.extname(file)];
  if (!contentType) throw new Error(`the console serves no file of this kind: ${file}`);
  const body = fs.readFileSync(file);
  return { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}


export function loadConsoleAssets(staticDir = STATIC_DIR): ConsoleAssets {
  const files = new Map<string, Asset>();
  for (const folder of ['public', 'app']) {
    const root = path.join(staticDir, folder);
    for (const file of filesUnder(root)) files.set(`/assets/${folder}/${path.relative(root, file).split(path.sep).join('/')}`, assetOf(file));
  }
  for (const { url, specifier } of VENDOR_FILES) files.set(url, assetOf(fileURLToPath(import.meta.resolve(specifier))));

  const appPage = assetOf(path.join(staticDir, 'index.html'));
  const importMap = IMPORT_MAP.exec(appPage.body.toString('utf8'))?.[1];
  if (importMap === undefined) throw new Error('static/index.html has no import map');
  for (const target of Object.values((JSON.parse(importMap) as { imports: Record<string, string> }).imports)) {
    if (!files.has(target)) throw new Error(`the import map names ${target}, which the console does not serve`);
  }
  return {
    files,
    appPage,
    loginPage: assetOf(path.join(staticDir, 'login.html')),
    importMapHash: `sha256-${createHash('sha256').update(importMap, 'utf8').digest('base64')}`,
  };
}
