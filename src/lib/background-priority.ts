/**
 * Side work of the build — Chromium drawing the diagrams, the entry checks' worker thread — runs
 * at a lower CPU priority than the build itself. The build is CPU-bound on a machine of two
 * cores, and its main thread (reading the entries, bundling, writing the pages) is the chain
 * everything waits for; at the same priority the scheduler gave it about half a core while the
 * browser drew (polled from /proc). The total work is the same. Measured in turn against the
 * same tree without it: cold builds of 5000 measures were faster in 6 rounds of 6 (medians
 * 22.95 → 22.30 s and 24.22 → 21.80 s), of 1000 in 8 of 14 (medians 10.68 → 10.20 s and
 * 11.19 → 10.79 s).
 *
 * The entry checks' worker thread (src/checks/worker.ts) has time to spare too: the build waits
 * for it only once Astro has read the entries, and it used to finish well before. Lowered, it
 * gave the main thread its core while Astro loads and reads the entries: cold builds of 1000
 * measures in turn were faster in 10 rounds of 14 (medians 10.30 → 9.86 s and 10.38 → 9.74 s),
 * of 5000 in 2 of 3 (24.04 → 22.86 s).
 *
 * Pagefind's indexing keeps the usual priority: lowered too, it made 1000 faster still but 5000
 * slower (24.22 → 27.30 s at nice 10), finishing after the last page instead of with it.
 *
 * Linux sets a priority per thread, and a thread or process started later inherits its
 * starter's: every thread of the process and of its descendants is lowered. Elsewhere, or when
 * the system refuses, the work runs at the usual priority: never an error.
 */
import { getPriority, setPriority } from 'node:os';
import { childProcesses, threadsOf } from './process-tree.ts';

/** How much nicer side work is than the build (niceness: 0 is the usual priority, 19 the lowest). */
const SIDE_WORK_NICER_BY = 10;

/** The niceness of side work: relative to the build's own, so a build started with `nice` keeps its side work below it. */
const sideWorkNiceness = () => Math.min(19, getPriority() + SIDE_WORK_NICER_BY);

/**
 * Lowers the priority of the calling thread only (a worker thread's, for one): Linux sets a
 * priority per thread, and setting the process's own (pid 0) sets the caller's. Elsewhere, or
 * when the system refuses, it keeps the usual priority.
 */
export function lowerThisThread(): void {
  try {
    setPriority(sideWorkNiceness());
  } catch {
    // Not permitted: it keeps the usual priority.
  }
}

/** Walks of a process tree at most: each finds the threads started during the walk before it. */
const MOST_WALKS = 10;

/**
 * Lowers the priority of process `pid`, all its threads and all its descendants. A thread that a
 * not-yet-lowered thread starts while this runs would keep the usual priority, so the tree is
 * walked again until a walk finds nothing new: from then on, every starter is lowered.
 */
export function lowerPriority(pid: number | undefined): void {
  if (pid === undefined) return;
  const niceness = sideWorkNiceness();
  // Thread ids are unique across the system, processes' ids among them.
  const lowered = new Set<number>();
  const walk = (): boolean => {
    let foundNew = false;
    const pending = [pid];
    while (pending.length) {
      const next = pending.pop()!;
      for (const tid of threadsOf(next)) {
        if (lowered.has(tid)) continue;
        lowered.add(tid);
        foundNew = true;
        try {
          setPriority(tid, niceness);
        } catch {
          // Ended meanwhile, or not permitted: it keeps the usual priority.
        }
      }
      pending.push(...childProcesses(next));
    }
    return foundNew;
  };
  for (let walks = 0; walks < MOST_WALKS && walk(); walks++);
}
