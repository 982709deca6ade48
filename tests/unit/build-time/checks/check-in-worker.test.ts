/**
 * The checks as the preview runs them: a checker that keeps what each file gave and checks again
 * only the files that changed (contentChecker), in a worker thread of its own (startCheckerThread).
 * Asked again after any change, it says exactly what a fresh check says. The thread also starts in
 * a process started with code on the command line or with V8's options (a worker refuses both),
 * and compiles the checks with the compile cache of the thread that starts it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCheckerThread } from '../../../../src/build-time/checks/check-in-worker.ts';
import { checkContent, contentChecker } from '../../../../src/build-time/checks/index.ts';
import { ROOT } from '../../../support/paths.ts';
import { fixtureRoot, removeFixtures, replaceIn } from './support.ts';

afterAll(removeFixtures);

/** The checks in a thread, run by a module given on the command line (`-e`) or in a file; prints [entries, errors]. */
const script = `const { startCheckerThread } = await import(${JSON.stringify(new URL('../../../../src/build-time/checks/check-in-worker.ts', import.meta.url).href)}); const t = startCheckerThread({ contentDir: 'content', root: process.cwd() }); const r = await t.check(); await t.close(); console.log(JSON.stringify([r.entries, r.errors]));`;
const checkedIn = (args: string[]) => JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }));

describe('contentChecker', () => {
  it('says after each change what a fresh check says', async () => {
    const root = fixtureRoot();
    const options = { contentDir: join(root, 'content'), root };
    const check = contentChecker(options);
    const fresh = () => checkContent(options);
    const measures = join(root, 'content/measures');
    const changes: [string, () => void][] = [
      ['nothing changed', () => undefined],
      ['a status out of the vocabulary', () => replaceIn(root, 'content/measures/02.md', /^status: .*$/m, 'status: 已完')],
      ['YAML that does not parse', () => replaceIn(root, 'content/measures/03.md', /^title: (.*)$/m, 'title: $1: 编者')],
      ['the status mended', () => replaceIn(root, 'content/measures/02.md', /^status: 已完$/m, 'status: 推进中')],
      ['an entry removed (a gap in the numbers)', () => unlinkSync(join(measures, '04.md'))],
      ['an entry renamed', () => renameSync(join(measures, '01.md'), join(measures, '09.md'))],
      ['an entry that is not UTF-8', () => writeFileSync(join(measures, '10.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xd6, 0xd0, 0x0a]))],
    ];
    const seen: string[] = [];
    for (const [what, change] of changes) {
      change();
      seen.push(what);
      expect(await check(), seen.join(', then ')).toEqual(await fresh());
    }
    // The changes above did show: the last check has problems of each kind.
    expect((await check()).errors).toBeGreaterThanOrEqual(4);
  });
});

describe('startCheckerThread', () => {
  it('gives the results the checks give on the main thread, as the entries change', async () => {
    const root = fixtureRoot();
    const options = { contentDir: join(root, 'content'), root };
    const thread = startCheckerThread(options);
    try {
      expect(await thread.check()).toEqual(await checkContent(options));
      replaceIn(root, 'content/measures/02.md', /^status: .*$/m, 'status: 已完');
      const [first, second] = await Promise.all([thread.check(), thread.check()]);
      const expected = await checkContent(options);
      expect(expected.errors).toBe(1);
      expect([first, second]).toEqual([expected, expected]);
    } finally {
      await thread.close();
    }
    await expect(thread.check()).rejects.toThrow('the entry checks stopped with exit code 1');
  }, 60_000);

  it('runs in a process started with code on the command line', () => {
    expect(checkedIn(['--input-type=module', '-e', script])).toEqual([32, 0]);
  }, 60_000);

  it('runs in a process started with V8 options', () => {
    expect(checkedIn(['--max-opt=2', '--max-old-space-size=2048', '--stack-trace-limit=20', '--input-type=module', '-e', script])).toEqual([32, 0]);
  }, 120_000);

  // Node logs each use of its compile cache when NODE_DEBUG_NATIVE names it.
  it('compiles the checks with the compile cache of the thread that starts it, and without one when that has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-in-worker-cache-'));
    const checksModule = new URL('../../../../src/build-time/checks/index.ts', import.meta.url).href;
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
  }, 120_000);
});
