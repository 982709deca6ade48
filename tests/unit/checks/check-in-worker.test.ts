/**
 * The checks as a build runs them, in a worker thread: the same result as on the main thread,
 * also when the process was started with code on the command line (the search benchmark builds
 * the site with `node --input-type=module -e '…'`, options a worker started from a file refuses),
 * and with V8's options on the command line (how `npm run build` runs Astro), which Node refuses
 * when they are named for a worker; below the build's priority.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentInWorker } from '../../../src/checks/check-in-worker.ts';
import { checkContent } from '../../../src/checks/index.ts';
import { BUILD_NODE_OPTIONS } from '../../../scripts/astro-build.ts';
import { ROOT } from '../../support/paths.ts';

/** The checks in a worker, run by a module given on the command line (`-e`) or in a file; prints [entries, errors]. */
const script = `const { checkContentInWorker } = await import(${JSON.stringify(new URL('../../../src/checks/check-in-worker.ts', import.meta.url).href)}); const r = await checkContentInWorker({ contentDir: 'content', root: process.cwd() }); console.log(JSON.stringify([r.entries, r.errors]));`;
const checkedIn = (args: string[]) => JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }));

describe('checkContentInWorker', () => {
  it('gives the result the checks give on the main thread', async () => {
    const options = { contentDir: 'content', root: ROOT };
    expect(await checkContentInWorker(options)).toEqual(await checkContent(options));
  }, 60_000);

  it('runs below the priority of the thread that starts it, which keeps its own', async () => {
    // Linux: each thread's niceness is field 19 of its /proc stat line.
    const niceOf = (tid: string) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const workerNiceness = new Set<number>();
    const poll = setInterval(() => {
      for (const tid of readdirSync('/proc/self/task')) {
        try {
          if (readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim() === 'WorkerThread') workerNiceness.add(niceOf(tid));
        } catch {
          // The thread ended meanwhile.
        }
      }
    }, 2);
    try {
      await checkContentInWorker({ contentDir: 'content', root: ROOT });
    } finally {
      clearInterval(poll);
    }
    const own = getPriority();
    // Seen as it starts (the usual priority) or once lowered; lowered it must have been.
    expect(workerNiceness.has(Math.min(19, own + 10))).toBe(true);
    expect(niceOf(String(process.pid))).toBe(own);
  }, 60_000);

  it('runs in a process started with code on the command line', () => {
    expect(checkedIn(['--input-type=module', '-e', script])).toEqual([32, 0]);
  }, 60_000);

  // Each with code on the command line too, where the worker's options are named.
  it.each([[BUILD_NODE_OPTIONS], [['--max-opt=2', '--max-old-space-size=2048', '--stack-trace-limit=20']]])('runs in a process started with V8 options %j', (v8Options) => {
    const dir = mkdtempSync(join(tmpdir(), 'check-in-worker-'));
    const file = join(dir, 'run.mjs');
    writeFileSync(file, script);
    try {
      for (const args of [[...v8Options, file], [...v8Options, '--input-type=module', '-e', script]]) {
        expect(checkedIn(args)).toEqual([32, 0]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  // Node logs each use of its compile cache when NODE_DEBUG_NATIVE names it.
  it('compiles the checks with the compile cache of the thread that starts it, and without one when that has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-in-worker-cache-'));
    const checksModule = new URL('../../../src/checks/index.ts', import.meta.url).href;
    /** Whether the checks' module went through a compile cache, in a process that turns one on first (or not). */
    const checksCached = (turnOn: string) => {
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', `${turnOn}${script}`], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_DEBUG_NATIVE: 'COMPILE_CACHE', NODE_COMPILE_CACHE: '' },
        maxBuffer: 1 << 30,
      });
      expect(run.status, run.stderr).toBe(0);
      return `${run.stdout}${run.stderr}`.split('\n').some((line) => line.includes('[compile cache]') && line.includes(checksModule));
    };
    try {
      expect(checksCached(`(await import('node:module')).enableCompileCache(${JSON.stringify(dir)});`)).toBe(true);
      expect(checksCached('')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
