/**
 * `npm run diagrams:keep` as an editor runs it, after a build: spawned in a copy of the project
 * whose dist/ is the test build, with a cache of drawings of its own (DIAGRAM_CACHE_DIR). Its
 * exit code, the lines it prints and the files it adds to and removes from content/diagrams/,
 * and with `-- --dry-run`, nothing changed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_SITE_DIR } from '../support/paths.ts';
import { copyProject, editorEnv, removeProjects } from '../support/project-copy.ts';

let project: string;
let kept: string;
let cache: string;
/** content/diagrams/ as the report keeps it, and its files' names. */
let original: Map<string, Buffer>;
let names: string[];
beforeAll(() => {
  project = copyProject();
  kept = join(project, 'content/diagrams');
  cache = join(project, '.drawings-cache');
  cpSync(TEST_SITE_DIR, join(project, 'dist'), { recursive: true });
  original = new Map(readdirSync(kept).map((name) => [name, readFileSync(join(kept, name))]));
  names = [...original.keys()].sort();
});
afterAll(() => removeProjects([project]));

/** What content/diagrams/ holds: each file's bytes, by name. */
const keptFiles = () => new Map(readdirSync(kept).map((name) => [name, readFileSync(join(kept, name))]));

function keep(...args: string[]) {
  const run = spawnSync('npm', ['run', 'diagrams:keep', ...(args.length ? ['--', ...args] : [])], {
    cwd: project,
    encoding: 'utf8',
    env: { ...editorEnv(project), DIAGRAM_CACHE_DIR: cache },
  });
  return { status: run.status, out: run.stdout.split('\n'), err: run.stderr.split('\n').filter((l) => !/^npm (warn|notice)/.test(l)) };
}

beforeEach(() => {
  rmSync(kept, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(kept, { recursive: true });
  mkdirSync(cache, { recursive: true });
  for (const [name, bytes] of original) writeFileSync(join(kept, name), bytes);
});

// A drawing no page shows (as a diagram since edited leaves behind), and one the build drew and
// the report does not keep yet (in the cache only).
const STALE = `${'f'.repeat(64)}.json`;
function drawnSinceAndStale() {
  const drawn = names[0];
  renameSync(join(kept, drawn), join(cache, drawn));
  writeFileSync(join(kept, STALE), original.get(names[1])!);
  return drawn;
}

// Each run starts npm and Node (seconds on a busy machine); the limit only keeps a hung run from blocking.
describe('npm run diagrams:keep', { timeout: 120_000 }, () => {
  it('with every drawing kept, says so, exits 0 and changes nothing', () => {
    const run = keep();
    expect(run.status, run.err.join('\n')).toBe(0);
    // The report keeps exactly the drawings its pages show: the count is read from dist/ by the command, from the folder here.
    expect(names.length).toBeGreaterThan(1);
    expect(run.out).toContain(`${names.length} drawings shown by dist: 0 added, ${names.length} already kept, 0 removed (no page shows them).`);
    expect(run.out.filter((l) => /^(added|removed) /.test(l))).toEqual([]);
    expect(keptFiles()).toEqual(original);
  });

  it('copies in a drawing the build drew, removes one no page shows, and lists both', () => {
    const drawn = drawnSinceAndStale();
    const run = keep();
    expect(run.status, run.err.join('\n')).toBe(0);
    expect(run.out.filter((l) => /^(added|removed) /.test(l))).toEqual([`added    content/diagrams/${drawn}`, `removed  content/diagrams/${STALE}`]);
    expect(run.out).toContain(`${names.length} drawings shown by dist: 1 added, ${names.length - 1} already kept, 1 removed (no page shows them).`);
    expect(keptFiles()).toEqual(original);
    // Run again: nothing left to do.
    expect(keep().out).toContain(`${names.length} drawings shown by dist: 0 added, ${names.length} already kept, 0 removed (no page shows them).`);
  });

  it('with --dry-run, lists the same and changes nothing', () => {
    const drawn = drawnSinceAndStale();
    const before = keptFiles();
    const run = keep('--dry-run');
    expect(run.status, run.err.join('\n')).toBe(0);
    expect(run.out.filter((l) => /^(added|removed) /.test(l))).toEqual([`added    content/diagrams/${drawn}`, `removed  content/diagrams/${STALE}`]);
    expect(run.out).toContain(`[dry run] ${names.length} drawings shown by dist: 1 added, ${names.length - 1} already kept, 1 removed (no page shows them).`);
    expect(keptFiles()).toEqual(before);
    expect(existsSync(join(cache, drawn))).toBe(true);
  });

  it('exits 1 and changes nothing when a drawing the site shows is neither kept nor in the cache, naming its page', () => {
    const lost = names[0];
    rmSync(join(kept, lost));
    writeFileSync(join(kept, STALE), original.get(names[1])!);
    const before = keptFiles();
    const run = keep();
    expect(run.status).toBe(1);
    const missing = run.err.filter((l) => l.startsWith('missing'));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(new RegExp(`^missing  drawing d${lost.slice(0, 10)}… shown on /\\S+\\.html: neither kept nor in the build's cache$`));
    expect(run.err).toContain('Nothing was changed. Build the site on this machine (npm run build), then run this again.');
    expect(keptFiles()).toEqual(before);
  });

  it('reads another built site with --dist, and names it', () => {
    const run = keep('--dist', TEST_SITE_DIR, '--dry-run');
    expect(run.status, run.err.join('\n')).toBe(0);
    expect(run.out).toContain(
      `[dry run] ${names.length} drawings shown by ${TEST_SITE_DIR}: 0 added, ${names.length} already kept, 0 removed (no page shows them).`,
    );
  });
});
