/**
 * npm run bench:compare -- --base <git revision> [--size 1000] [--rounds 6]
 *
 * Is the working tree's build faster than another revision's? On this machine a build's time
 * moves by 20–40 % from one minute to the next, more than most changes save, so the two trees are
 * built in turn on the same machine: cold builds with empty caches, round after round, the
 * order swapped each round (base then working tree, then the other way), so that a slow spell
 * falls on both. It prints each round, the medians, and in how many rounds the working tree was
 * faster. The base revision is checked out in a git worktree of its own under
 * .cache/bench-compare/ and builds with the Node options of its own `npm run build`
 * (scripts/astro-build.ts), or plain `astro build` if it has none. Both use this checkout's
 * node_modules. Size 30 is the real report; larger sizes are synthetic reports made from its text
 * (scripts/synthetic/generate.ts). content/ and dist/ are not touched. CPU is GNU time's user +
 * system time of the build and of what it waited for; it misses the diagram browser's renderers
 * in trees whose browser forked them from a zygote (before 6ea9175), so compare wall times.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { astroBuildCommand } from './astro-build.ts';
import { median, siteBuildEnv, timed, type TimedRun } from './bench-timing.ts';
import { generateSynthetic } from './synthetic/generate.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    size: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '6' },
  },
});
if (!values.base) {
  console.error('Usage: npm run bench:compare -- --base <git revision> [--size 1000] [--rounds 6]');
  process.exit(2);
}
const ROOT = process.cwd();
const OUT = join(ROOT, '.cache/bench-compare');
const size = Number(values.size);
const rounds = Number(values.rounds);

type BuildCommand = (root: string, args: string[]) => [string, string[]];

interface Tree {
  name: string;
  root: string;
  command: BuildCommand;
  /** Where its builds go, emptied before each. */
  work: string;
  runs: TimedRun[];
}

/** The base revision in a worktree of its own, with this checkout's node_modules. */
async function checkOutBase(revision: string): Promise<Tree> {
  const root = join(OUT, 'base');
  if (existsSync(root)) execFileSync('git', ['worktree', 'remove', '--force', root], { cwd: ROOT });
  rmSync(root, { recursive: true, force: true });
  execFileSync('git', ['worktree', 'add', '--detach', root, revision], { cwd: ROOT, stdio: 'ignore' });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  const lock = (dir: string) => readFileSync(join(dir, 'package-lock.json'), 'utf8');
  if (lock(root) !== lock(ROOT))
    console.error(`Note: ${revision} locks other packages than the working tree; it is built with the working tree's node_modules.`);
  const ownCommand = join(root, 'scripts/astro-build.ts');
  const command: BuildCommand = existsSync(ownCommand)
    ? ((await import(ownCommand)) as { astroBuildCommand: BuildCommand }).astroBuildCommand
    : (dir, args) => [process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build', ...args]];
  return { name: revision, root, command, work: join(OUT, 'base-build'), runs: [] };
}

/** One cold build of `tree`, with empty caches of its own. */
function coldBuild(tree: Tree, contentDir: string): TimedRun {
  const { work } = tree;
  rmSync(work, { recursive: true, force: true });
  return timed(...tree.command(tree.root, ['--outDir', join(work, 'dist')]), tree.root, siteBuildEnv(contentDir, join(work, 'caches')));
}

mkdirSync(OUT, { recursive: true });
const contentDir = size === 30 ? join(ROOT, 'content') : join(OUT, `content-${size}`);
if (size !== 30) {
  rmSync(contentDir, { recursive: true, force: true });
  generateSynthetic(size, contentDir);
}
const working: Tree = { name: 'working tree', root: ROOT, command: astroBuildCommand, work: join(OUT, 'working-build'), runs: [] };
const base = await checkOutBase(values.base);
try {
  for (let round = 0; round < rounds; round++) {
    for (const tree of round % 2 === 0 ? [base, working] : [working, base]) {
      tree.runs.push(coldBuild(tree, contentDir));
      process.stderr.write(`  round ${round + 1}/${rounds}: ${tree.name}: ${tree.runs.at(-1)!.seconds.toFixed(2)} s\n`);
    }
  }
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', base.root], { cwd: ROOT });
  for (const tree of [base, working]) rmSync(tree.work, { recursive: true, force: true });
}

const faster = working.runs.filter((run, i) => run.seconds < base.runs[i].seconds).length;
const row = (tree: Tree) =>
  `| ${tree.name} | ${median(tree.runs.map((r) => r.seconds)).toFixed(2)} s | ${median(tree.runs.map((r) => r.cpuSeconds)).toFixed(1)} s | ${tree.runs.map((r) => r.seconds.toFixed(2)).join(', ')} |`;
console.log(
  [
    `## Cold builds in turn, ${size} measures, ${rounds} rounds`,
    '',
    '| tree | build (median) | CPU (median) | each round |',
    '| --- | --- | --- | --- |',
    row(base),
    row(working),
    '',
    `The working tree was faster in ${faster} of ${rounds} rounds.`,
  ].join('\n'),
);
