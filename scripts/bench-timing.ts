/**
 * What the benchmarks share. One timed command: wall time, CPU time (user + system, the command
 * and everything it waited for: Chromium, Pagefind) and the peak memory of its largest process,
 * from GNU time (`/usr/bin/time -v`, Debian's `time` package). The environment of a build of the
 * site with caches of its own, and the median of the runs.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface TimedRun {
  seconds: number;
  cpuSeconds: number;
  peakMiB: number;
  /** What the command printed (stdout then stderr). */
  output: string;
}

const GNU_TIME = '/usr/bin/time';

export function timed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): TimedRun {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is missing: install Debian's time package (apt-get install time) to run the benchmark`);
  const started = performance.now();
  const result = spawnSync(GNU_TIME, ['-v', command, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed in ${cwd}:\n${(result.stdout + result.stderr).slice(-3000)}`);
  const stat = (label: string) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(result.stderr)?.[1] ?? 0);
  return {
    seconds,
    cpuSeconds: stat('User time \\(seconds\\)') + stat('System time \\(seconds\\)'),
    peakMiB: stat('Maximum resident set size \\(kbytes\\)') / 1024,
    output: result.stdout + result.stderr,
  };
}

/**
 * The environment of a benchmark's build of the site: the entries in `contentDir`, and caches of
 * its own under `caches` (Astro's content cache, the drawn diagrams), so that a cold build is cold.
 */
export function siteBuildEnv(contentDir: string, caches: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    CONTENT_DIR: contentDir,
    ASTRO_CACHE_DIR: join(caches, 'astro'),
    DIAGRAM_CACHE_DIR: join(caches, 'diagrams'),
  };
}

/** The middle value (the upper one of the two for an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
