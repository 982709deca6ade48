/**
 * npm run bench:pair -- --content DIR [--rounds 2] [--out DIR]
 *
 * The cold build against the floor only, in turn (site, floor, site, floor …) on the same
 * entries: the budget's ratio without `npm run bench`'s warm and undrawn builds, so that a
 * 5000-measure pair takes minutes on a busy machine and both builds meet the same load.
 * CONTENT_DIR's report (a synthetic one: `scripts/synthetic/generate.ts`).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { astroBuildCommand } from './astro-build.ts';
import { buildFloor } from './bench-floor.ts';
import { siteBuildEnv, timed } from './bench-timing.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    rounds: { type: 'string', default: '2' },
    out: { type: 'string', default: '.cache/bench-pair' },
  },
});
if (!values.content) {
  console.error('npm run bench:pair -- --content DIR: the content folder to build (a synthetic report: scripts/synthetic/generate.ts)');
  process.exit(2);
}
const ROOT = process.cwd();
const content = resolve(values.content);
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const rows: string[] = [];
for (let i = 0; i < Number(values.rounds); i++) {
  rmSync(join(out, 'caches'), { recursive: true, force: true });
  rmSync(join(out, 'dist'), { recursive: true, force: true });
  const load0 = loadavg()[0];
  const site = timed(...astroBuildCommand(ROOT, ['--outDir', join(out, 'dist')]), ROOT, siteBuildEnv(content, join(out, 'caches')));
  const floor = buildFloor(ROOT, content, join(out, 'floor'));
  const row = `| ${i + 1} | ${site.seconds.toFixed(1)} s (CPU ${site.cpuSeconds.toFixed(1)} s) | ${floor.seconds.toFixed(1)} s (CPU ${floor.cpuSeconds.toFixed(1)} s) | **${(site.seconds / floor.seconds).toFixed(2)}** (CPU ${(site.cpuSeconds / floor.cpuSeconds).toFixed(2)}) | ${load0.toFixed(1)}–${loadavg()[0].toFixed(1)} |`;
  rows.push(row);
  console.log(row);
}
console.log(['| round | cold build | floor | ÷ floor | load average |', '| --- | --- | --- | --- | --- |', ...rows].join('\n'));
