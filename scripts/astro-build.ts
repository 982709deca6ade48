/**
 * The command that builds the site: the one `npm run build` runs (scripts/build.ts) and the one
 * the benchmark times (scripts/bench.ts), so that the two never differ.
 *
 * Node runs Astro without V8's last optimizing compiler, TurboFan (`--max-opt=2`: V8 still
 * interprets, compiles to baseline code and optimizes with Maglev). A build lasts seconds, and
 * TurboFan's compiling, on V8's helper threads, cost more CPU than its faster code saved: on
 * 1000 measures, 0.8 s less CPU on those threads, 0.2 s more on the main thread. Cold builds in
 * turn with and without it were faster with it every time: 1000 measures, 6 rounds, median
 * 9.91 → 9.43 s; 5000 measures, 3 rounds, median 21.58 → 21.06 s.
 * (`--max-opt=1`, no Maglev either, made the main thread 2 s slower at 1000.)
 */
import { join } from 'node:path';

/** Node's options for a build; V8's, so Node accepts them on its command line only (not in NODE_OPTIONS). */
export const BUILD_NODE_OPTIONS = ['--max-opt=2'];

/** The program and arguments that run `astro build` in the project at `root`, with `args` after it. */
export function astroBuildCommand(root: string, args: string[]): [string, string[]] {
  return [process.execPath, [...BUILD_NODE_OPTIONS, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...args]];
}
