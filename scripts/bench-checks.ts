/**
 * npm run bench:checks
 *
 * How long the entry checks take where time is the promise, measured here rather than in the
 * tests (a test with a time limit fails on a busy machine, not on slow code): the real entries,
 * a 1 MB entry, and each hostile entry of tests/unit/build-time/checks/hostile-cases.ts (an alias bomb, a
 * file over the size limit, deep nesting … each must end in seconds, naming its file). Prints
 * each time, the median of --runs (3) runs, against its budget, and exits 1 when one is over.
 * Kept apart from scripts/bench.ts (the build's budget).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/build-time/checks/index.ts';
import { HOSTILE_CASES, OUTSIDE, writeCase } from '../tests/unit/build-time/checks/hostile-cases.ts';
import { fixtureRoot, removeFixtures } from '../tests/unit/build-time/checks/support.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);

/** Seconds each kind of content may take to check on this 2-core machine. */
const BUDGET = { real: 15, oneMegabyte: 15, hostile: 10 };

async function timed(root: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await checkContent({ root });
    times.push((performance.now() - started) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const rows: { what: string; seconds: number; budget: number }[] = [];
rows.push({ what: 'the real entries (content/)', seconds: await timed(process.cwd()), budget: BUDGET.real });

const big = fixtureRoot();
const path = join(big, 'content/measures/02.md');
const text = readFileSync(path, 'utf8');
const paragraph = text.slice(text.lastIndexOf('\n---\n') + 5).trim();
writeFileSync(path, `${text}\n${Array.from({ length: Math.ceil(1_048_576 / Buffer.byteLength(`${paragraph}\n\n`)) }, () => paragraph).join('\n\n')}\n`);
rows.push({ what: 'a 1 MB entry', seconds: await timed(big), budget: BUDGET.oneMegabyte });

OUTSIDE.make();
try {
  for (const c of HOSTILE_CASES) {
    const root = fixtureRoot();
    writeCase(root, c, 5);
    rows.push({ what: c.name, seconds: await timed(root), budget: BUDGET.hostile });
  }
} finally {
  OUTSIDE.remove();
  removeFixtures();
}

console.log(`| checked | median of ${runs} (s) | budget (s) |\n| --- | --- | --- |`);
for (const r of rows) console.log(`| ${r.what} | ${r.seconds.toFixed(2)}${r.seconds > r.budget ? ' **over**' : ''} | ${r.budget} |`);
process.exitCode = rows.some((r) => r.seconds > r.budget) ? 1 : 0;
