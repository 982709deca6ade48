/**
 * Fixture content folders for the check tests: a temporary project root holding a copy of
 * tests/fixtures/bad-entries/base/content/, which passes every check, for a test to break.
 */
import { execFile } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../../../support/paths.ts';

export const BASE = join(ROOT, 'tests/fixtures/bad-entries/base/content');

const made: string[] = [];

/** A new project root with `content/` copied from the base fixture. */
export function fixtureRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'acftu-check-'));
  made.push(root);
  cpSync(BASE, join(root, 'content'), { recursive: true });
  return root;
}

export function removeFixtures() {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Reads, changes and writes back one file of a fixture; fails loudly if the change changes nothing. */
export function edit(root: string, path: string, change: (text: string) => string) {
  const file = join(root, path);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`edit of ${path} changed nothing`);
  writeFileSync(file, after);
}

/** Replaces one exact passage, which must occur in the file. */
export function replaceIn(root: string, path: string, from: string | RegExp, to: string) {
  edit(root, path, (text) => {
    if (typeof from === 'string' ? !text.includes(from) : !from.test(text)) throw new Error(`${String(from)} is not in ${path}`);
    return text.replace(from, to);
  });
}

/**
 * Every file under a folder with its bytes and modification time, and every link with its
 * target (never followed: a link may lead to a pipe, which a reader waits on for ever): to show
 * that nothing was written.
 */
export function snapshot(dir: string): Record<string, { bytes: string; mtimeMs: number } | { link: string }> {
  const out: Record<string, { bytes: string; mtimeMs: number } | { link: string }> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) out[relative(dir, path)] = { link: readlinkSync(path) };
    else if (stat.isFile()) out[relative(dir, path)] = { bytes: readFileSync(path).toString('base64'), mtimeMs: stat.mtimeMs };
  }
  return out;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a project script with the project's Node (the one running the tests), in a folder, with more environment if given. */
export function runScript(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [join(ROOT, script), ...args],
      { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolvePromise({ status, stdout, stderr });
      },
    );
  });
}

/** Runs several at a time, no more than `limit` at once (the machine has two cores). */
export async function pool<T>(tasks: (() => Promise<T>)[], limit = 3): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
