/**
 * vitest global setup for the site tests: builds the real site once, with the project's own
 * astro, into a folder of its own, so every site and browser test reads the same fresh build.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TEST_SITE_DIR } from './paths.ts';

export default function buildSite() {
  rmSync(TEST_SITE_DIR, { recursive: true, force: true });
  const started = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', TEST_SITE_DIR], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  console.log(`site built for tests in ${Math.round(performance.now() - started)} ms`);
}
