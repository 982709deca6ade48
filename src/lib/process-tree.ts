/**
 * A process's threads and the processes it started, read from Linux's /proc: what the build
 * lowers in priority (src/lib/background-priority.ts) and ends with it (the diagram browser,
 * src/diagrams/chromium-pipe.ts). Elsewhere a process is its own only thread and has no children.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The threads of process `pid`; the process alone without /proc or once it has ended. */
export const threadsOf = (pid: number): number[] => {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [pid];
  }
};

/** The processes that process `pid` started and that still run (Linux; none elsewhere). */
export const childProcesses = (pid: number): number[] =>
  threadsOf(pid).flatMap((tid) => {
    try {
      return readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });

/** Process `pid` and every process it started, and they started, and so on: the parent before its children. */
export const processTree = (pid: number): number[] => [pid, ...childProcesses(pid).flatMap(processTree)];
