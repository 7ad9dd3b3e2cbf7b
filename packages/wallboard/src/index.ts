import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The package folder; the built pages are in dist/ (served by the gateway), their sources in app/. */
const ROOT = resolve(__dirname, '..');
export const PAGES_DIR = join(ROOT, 'dist');
const STAMP = join(PAGES_DIR, '.sources');

/** Every file the build reads (sources, config, the installed versions), hashed: a different hash means rebuild. */
function sourcesHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path.slice(ROOT.length)).update(readFileSync(path));
    }
  };
  walk(join(ROOT, 'app'));
  for (const file of ['vite.config.mts', 'package.json']) hash.update(file).update(readFileSync(join(ROOT, file)));
  return hash.digest('hex');
}

/** True when dist/ holds a build of the current sources. */
export function pagesAreBuilt(): boolean {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourcesHash();
}

/**
 * Builds the pages when dist/ is missing or older than the sources (`pnpm start` and the tests
 * call this; a production image builds them once at image build). Takes a few seconds.
 */
export function ensurePagesBuilt(log: (message: string) => void = () => undefined): void {
  if (pagesAreBuilt()) return;
  log('building the wallboard and the GraphQL IDE (packages/wallboard, once per change)');
  const vite = join(dirname(require.resolve('vite/package.json', { paths: [ROOT] })), 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', join(ROOT, 'vite.config.mts')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  writeFileSync(STAMP, sourcesHash());
}
