/**
 * The build's side work at a lower CPU priority (src/lib/background-priority.ts): a process, its
 * threads and its descendants are lowered, this process is not, and a process that has ended is
 * no error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { childProcesses, lowerPriority } from '../../src/lib/background-priority.ts';

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

function start(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: 'ignore' });
  started.push(child);
  return child;
}

// What the side work gets: 10 nicer than this process (which may itself run under `nice`).
const own = getPriority(process.pid);
const lowered = Math.min(19, own + 10);

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('background priority', () => {
  it('lowers a process and the processes it started', async () => {
    // A shell that starts a sleep of its own: the sleep is a grandchild of this process.
    const shell = start('sh', ['-c', 'sleep 30 & wait']);
    const grandchildren = () => childProcesses(shell.pid!);
    await until(() => grandchildren().length > 0);
    const [sleep] = grandchildren();
    expect([getPriority(shell.pid!), getPriority(sleep)]).toEqual([own, own]);

    lowerPriority(shell.pid);
    expect([getPriority(shell.pid!), getPriority(sleep)]).toEqual([lowered, lowered]);
    expect(getPriority(process.pid)).toBe(own);
  });

  it('lowers every thread of a process', async () => {
    const node = start(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    const threads = () => readdirSync(`/proc/${node.pid}/task`).map(Number);
    await until(() => threads().length > 1);
    lowerPriority(node.pid);
    expect(threads().length).toBeGreaterThan(1);
    expect(threads().map((tid) => getPriority(tid))).toEqual(threads().map(() => lowered));
  });

  it('is no error for a process that has ended or was never started', async () => {
    const quick = start('true', []);
    await new Promise((resolve) => quick.once('exit', resolve));
    expect(() => lowerPriority(quick.pid)).not.toThrow();
    expect(() => lowerPriority(undefined)).not.toThrow();
  });
});
