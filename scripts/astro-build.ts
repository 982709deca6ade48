/**
 * The command that builds the site: the one `npm run build` runs (scripts/build.ts), the one the
 * benchmarks time (scripts/bench.ts, scripts/bench-compare.ts) and the tests' builds use, so that
 * they never differ.
 *
 * Node runs Astro without V8's last optimizing compiler, TurboFan (`--max-opt=2`: V8 still
 * interprets, compiles to baseline code and optimizes with Maglev). A build lasts seconds, and
 * TurboFan's compiling, on V8's helper threads, costs more CPU than its faster code saves; on a
 * busy machine it takes that CPU from the build's main thread. The figures are in
 * docs/performance.md (“Kept”).
 */
import { join } from 'node:path';

/** Node's options for a build; V8's, so Node accepts them on its command line only (not in NODE_OPTIONS). */
export const BUILD_NODE_OPTIONS = ['--max-opt=2'];

/** The program and arguments that run `astro build` in the project at `root`, with `args` after it. */
export function astroBuildCommand(root: string, args: string[]): [string, string[]] {
  return [process.execPath, [...BUILD_NODE_OPTIONS, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...args]];
}
