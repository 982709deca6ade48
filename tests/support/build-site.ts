/**
 * vitest global setup for the site tests: builds the real site once, with the project's own
 * astro run as `npm run build` runs it, into a folder of this run's own (with its own content
 * cache), so every site and browser test reads the same fresh build, and removes it when the
 * run ends.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuildCommand } from '../../scripts/astro-build.ts';
import { buildEnv, ROOT } from './paths.ts';

export default function buildSite() {
  // Set before the test workers start, which inherit it (see paths.ts).
  const runDir = join(ROOT, '.cache', `test-run-${process.pid}`);
  process.env.TEST_RUN_DIR = runDir;
  const siteDir = join(runDir, 'site');
  rmSync(runDir, { recursive: true, force: true });
  const started = performance.now();
  execFileSync(...astroBuildCommand(ROOT, ['--outDir', siteDir]), {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: buildEnv({ ASTRO_CACHE_DIR: join(runDir, 'astro-cache') }),
  });
  console.log(`site built for tests in ${Math.round(performance.now() - started)} ms`);
  return () => rmSync(runDir, { recursive: true, force: true });
}
