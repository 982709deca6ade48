/**
 * The build's side work at a lower CPU priority (src/lib/background-priority.ts): a process, its
 * threads and its descendants are lowered, this process is not, and a process that has ended is
 * no error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { lowerPriority } from '../../src/lib/background-priority.ts';
import { childProcesses } from '../../src/lib/process-tree.ts';

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

/** Waits until `condition` holds, looking every `everyMs`, for 2 s at most. */
const until = async (condition: () => boolean, everyMs = 10) => {
  for (let waited = 0; waited < 2000 && !condition(); waited += everyMs) await new Promise((resolve) => setTimeout(resolve, everyMs));
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

  it('lowers every thread of a process, also the threads it starts meanwhile', async () => {
    // Lowered while it starts, Node is still starting threads of its own; a thread started by one
    // not yet lowered must be found and lowered too. Ten tries: once in four, on this machine,
    // a single walk of the threads left one at the usual priority.
    for (let attempt = 0; attempt < 10; attempt++) {
      const node = start(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
      const threads = () => readdirSync(`/proc/${node.pid}/task`).map(Number);
      // Looked for every millisecond: lowered as soon as its second thread is there, while it starts more.
      await until(() => threads().length > 1, 1);
      lowerPriority(node.pid);
      // Any thread that appears later than this was started by a lowered one.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(threads().length).toBeGreaterThan(1);
      expect(threads().map((tid) => getPriority(tid))).toEqual(threads().map(() => lowered));
      node.kill('SIGKILL');
    }
  });

  it('is no error for a process that has ended or was never started', async () => {
    const quick = start('true', []);
    await new Promise((resolve) => quick.once('exit', resolve));
    expect(() => lowerPriority(quick.pid)).not.toThrow();
    expect(() => lowerPriority(undefined)).not.toThrow();
  });
});
