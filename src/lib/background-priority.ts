/**
 * The entry checks' worker thread runs at a lower CPU priority than the build: the build waits
 * for it only once Astro has read the entries, and meanwhile the main thread, which everything
 * waits for, keeps its core. What it saves is in docs/performance.md.
 */
import { getPriority, setPriority } from 'node:os';

/** How much nicer side work is than the build (niceness: 0 is the usual priority, 19 the lowest). */
const SIDE_WORK_NICER_BY = 10;

/**
 * Lowers the priority of the calling thread only: Linux sets a priority per thread, and setting
 * the process's own (pid 0) sets the caller's. Relative to the build's own, so that a build
 * started with `nice` keeps its side work below it. Where the system refuses, it keeps the usual
 * priority: never an error.
 */
export function lowerThisThread(): void {
  try {
    setPriority(Math.min(19, getPriority() + SIDE_WORK_NICER_BY));
  } catch {
    // Not permitted: it keeps the usual priority.
  }
}
