/**
 * npm run build [-- astro build options]
 *
 * Builds the site without ever losing the last good one: Astro builds into a folder of its own
 * (.cache/build-<pid>/), and only when the build has passed (the entry checks included, which
 * run first) and holds the home page does that folder take the place of dist/. A failed build
 * leaves dist/ exactly as it was and says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { astroBuildCommand } from './astro-build.ts';

const { values, tokens } = parseArgs({
  options: { outDir: { type: 'string' }, root: { type: 'string' } },
  strict: false,
  tokens: true,
});
const root = resolve(typeof values.root === 'string' ? values.root : process.cwd());
const dist = resolve(root, typeof values.outDir === 'string' ? values.outDir : 'dist');
// Everything but --outDir goes to astro build as given.
const passOn = (tokens ?? []).flatMap((t) => {
  if (t.kind === 'option' && t.name === 'outDir') return [];
  if (t.kind === 'option') return t.value === undefined ? [t.rawName] : [t.rawName, t.value];
  return t.kind === 'positional' ? [t.value] : [];
});

const cache = join(root, '.cache');
mkdirSync(cache, { recursive: true });
const staging = join(cache, `build-${process.pid}`);
// Folders left by builds that were killed half way (their process is gone) are removed.
for (const name of readdirSync(cache)) {
  const pid = Number(/^(?:build|dist-previous)-(\d+)$/.exec(name)?.[1]);
  if (!pid || pid === process.pid) continue;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(cache, name), { recursive: true, force: true });
  }
}
const previous = join(cache, `dist-previous-${process.pid}`);
rmSync(staging, { recursive: true, force: true });

const run = spawnSync(...astroBuildCommand(root, [...passOn, '--outDir', staging]), {
  cwd: root,
  stdio: 'inherit',
  env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
});

const shownDist = `${relative(process.cwd(), dist) || '.'}/`;
const kept = existsSync(dist) ? `${shownDist} is unchanged: it still holds the last good build.` : `Nothing was written to ${shownDist}.`;
if (run.status !== 0 || !existsSync(join(staging, 'index.html'))) {
  rmSync(staging, { recursive: true, force: true });
  const why = run.status !== 0 ? `astro build failed (exit ${run.status ?? run.signal})` : 'the build has no index.html';
  console.error(`\nBuild failed: ${why}. ${kept}`);
  process.exit(run.status || 1);
}

// Swap: the old site steps aside, the new one takes its name, then the old one goes.
if (existsSync(dist)) renameSync(dist, previous);
try {
  renameSync(staging, dist);
} catch (error) {
  if (existsSync(previous)) renameSync(previous, dist);
  rmSync(staging, { recursive: true, force: true });
  throw error;
}
rmSync(previous, { recursive: true, force: true });
console.log(`\nThe new build is in ${shownDist}.`);
