/**
 * npm run bench:dev [-- --sizes 1000,5000] [--runs 3] [--edits 3] [--measure 1] [--floor] [--cpu-prof DIR]
 *
 * The editors' loop: `astro dev` on a synthetic report (scripts/synthetic/generate.ts), timed as
 * an editor meets it. For each size and run it starts the preview twice — cold (no content store
 * from an earlier preview) and warm (the store the cold one left, as on an editor's second day) —
 * and times, from the moment the command starts, when the preview first serves a measure's page
 * (and the CPU time the preview used until then, the figure a busy machine moves least);
 * then, in the warm preview, it appends a paragraph to that measure's entry, as an editor saving
 * it, and times when the page the preview serves first shows the new words. The preview runs in a
 * project of its own under .cache/bench-dev/ (its src/, public/ and node_modules are the working
 * tree's, linked), so that neither content/ nor the working tree's .astro/ are touched.
 * Writes .cache/bench-dev/report.md.
 *
 * --floor: the same, with the floor site of scripts/bench-floor.ts (the barest Astro site for the
 * same entries) in place of the working tree's: Astro's own part of the figures.
 *
 * --cpu-prof DIR: each preview's Node runs with `--cpu-prof --cpu-prof-dir=DIR`, and DIR gets
 * marks.json, the moments (the monotonic clock's microseconds, the clock of the profiles'
 * timestamps) the benchmark started each preview, saw its first page, saved and saw each edit,
 * so that a profile can be cut into a start and its edits, with each thread's CPU time then
 * (scripts/cpu-profile-summary.ts reads them). Node writes a profile only when the process exits
 * by itself, not when a signal kills it: the preview is stopped with SIGTERM, on which Vite closes
 * the server and exits (code 143).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { floorEnv, writeFloorSite } from './bench-floor.ts';
import { median } from './bench-timing.ts';
import { generateSynthetic } from './synthetic/generate.ts';
import { measureFileName, measureLabel, paddedNumber } from '../src/pure/model/measure-number.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    runs: { type: 'string', default: '3' },
    edits: { type: 'string', default: '3' },
    measure: { type: 'string', default: '1' },
    floor: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const ROOT = process.cwd();
const OUT = join(ROOT, '.cache/bench-dev');
/** How often the server is asked: the figures are this much late at most. */
const POLL_MS = 25;

/** Where the previews' CPU profiles go (--cpu-prof), or undefined. */
const PROFILES = values['cpu-prof'] === undefined ? undefined : resolve(values['cpu-prof']);
/** With --cpu-prof: the moments each profile is cut at (see the header), and each thread's CPU seconds then. */
const marks: { pid: number; what: string; at: number; threads: Record<string, number> }[] = [];
/** Notes a moment on the clock of V8's profiles (CLOCK_MONOTONIC, µs). */
function mark(preview: Preview, what: string): void {
  if (!PROFILES) return;
  const pid = preview.process.pid!;
  const at = Number(process.hrtime.bigint() / 1000n);
  // A thread that ends without exiting cleanly (the entry checks' thread) leaves no profile: its CPU time is read here.
  const threads: Record<string, number> = {};
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      threads[`${readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim()} ${tid}`] = cpuSeconds(pid, tid);
    } catch {
      // The thread ended meanwhile.
    }
  }
  marks.push({ pid, what, at, threads });
}

/** Clock ticks per second, the unit of the CPU times in /proc. */
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/**
 * The CPU time (user + system, seconds) the process (or one of its threads) has used so far, with
 * its children that have ended: on a machine shared with other work, the figure that moves least from run to run.
 */
function cpuSeconds(pid: number, thread?: string): number {
  const fields = readFileSync(thread ? `/proc/${pid}/task/${thread}/stat` : `/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  // utime, stime, cutime, cstime: fields 14–17 of stat, 12–15 after the command's name (a thread's own: the first two).
  return fields.slice(11, thread ? 13 : 15).reduce((sum, ticks) => sum + Number(ticks), 0) / TICKS;
}

/** A project of its own: the working tree's code and packages, linked; its own .astro/. With --floor, the floor site. */
function makeProject(dir: string): void {
  if (values.floor) {
    writeFloorSite(ROOT, dir);
    return;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of ['src', 'public', 'node_modules']) symlinkSync(join(ROOT, name), join(dir, name));
  for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json']) copyFileSync(join(ROOT, name), join(dir, name));
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Preview {
  process: ChildProcess;
  origin: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function startPreview(project: string, contentDir: string, port: number): Promise<Preview> {
  const profiling = PROFILES ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`] : [];
  const child = spawn(process.execPath, [...profiling, join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: project,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      CONTENT_DIR: contentDir,
      ...(values.floor ? floorEnv(contentDir) : {}),
      ASTRO_CACHE_DIR: join(project, '.astro-cache'),
      DIAGRAM_CACHE_DIR: join(project, '.diagrams'),
    },
  });
  let output = '';
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (d) => (output += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    origin: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Timing {
  /** Seconds on the clock. */
  seconds: number;
  /** Seconds of CPU the preview used meanwhile. */
  cpu: number;
}

/** How long from `since` (and the preview's CPU time `cpuSince`) until the page at `url` answers 200 with text that passes `shows`. */
async function until(preview: Preview, url: string, shows: (html: string) => boolean, since: number, cpuSince: number, limitMs = 300_000): Promise<Timing> {
  for (;;) {
    if (preview.process.exitCode !== null) throw new Error(`the preview ended:\n${preview.output().slice(-3000)}`);
    try {
      const response = await fetch(url, { headers: { accept: 'text/html' } });
      const html = await response.text();
      if (response.status === 200 && shows(html)) return { seconds: (performance.now() - since) / 1000, cpu: cpuSeconds(preview.process.pid!) - cpuSince };
    } catch {
      // Not listening yet.
    }
    if (performance.now() - since > limitMs) throw new Error(`${url} did not show in ${limitMs} ms:\n${preview.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

interface SizeResult {
  size: number;
  cold: Timing[];
  warm: Timing[];
  edits: Timing[];
}

const shown = (t: Timing) => `${t.seconds.toFixed(2)} s (CPU ${t.cpu.toFixed(2)} s)`;

async function measure(size: number): Promise<SizeResult> {
  const dir = join(OUT, `size-${size}`);
  const contentDir = join(dir, 'content');
  const project = join(dir, 'project');
  rmSync(dir, { recursive: true, force: true });
  generateSynthetic(size, contentDir);
  const number = Number(values.measure);
  const entry = join(contentDir, 'measures', measureFileName(number));
  const original = readFileSync(entry, 'utf8');
  const page = `/measures/${paddedNumber(number)}/`;
  // The floor's page shows the entry's title alone.
  const isMeasurePage = (html: string) => html.includes(`<h1`) && (values.floor || html.includes(measureLabel(number)));
  const result: SizeResult = { size, cold: [], warm: [], edits: [] };
  for (let run = 0; run < Number(values.runs); run++) {
    makeProject(project);
    writeFileSync(entry, original);
    // One port for both: Astro's content store is kept only for the same settings, the port among them.
    const port = await freePort();
    for (const kind of ['cold', 'warm'] as const) {
      const started = performance.now();
      const preview = await startPreview(project, contentDir, port);
      mark(preview, `${kind} start`);
      try {
        result[kind].push(await until(preview, preview.origin + page, isMeasurePage, started, 0));
        mark(preview, `${kind} first page`);
        process.stderr.write(`  ${size}: ${kind} start ${run + 1}: first page after ${shown(result[kind].at(-1)!)} (load ${loadavg()[0].toFixed(1)})\n`);
        if (kind === 'cold') continue;
        for (let edit = 0; edit < Number(values.edits); edit++) {
          const words = `编辑预览基准第${run + 1}轮第${edit + 1}次修改。`;
          const [saved, cpu] = [performance.now(), cpuSeconds(preview.process.pid!)];
          mark(preview, `edit ${edit + 1} saved`);
          appendFileSync(entry, `\n${words}\n`);
          result.edits.push(await until(preview, preview.origin + page, (html) => html.includes(words), saved, cpu));
          mark(preview, `edit ${edit + 1} shown`);
          process.stderr.write(`  ${size}: edit ${edit + 1}: shown after ${shown(result.edits.at(-1)!)}\n`);
        }
      } finally {
        await preview.stop();
      }
    }
  }
  writeFileSync(entry, original);
  return result;
}

if (PROFILES) mkdirSync(PROFILES, { recursive: true });
const sizes = values.sizes!.split(',').map(Number);
const results: SizeResult[] = [];
for (const size of sizes) {
  process.stderr.write(`size ${size}\n`);
  results.push(await measure(size));
}
const cell = (ts: Timing[]) =>
  `${median(ts.map((t) => t.seconds)).toFixed(2)} s (${ts.map((t) => t.seconds.toFixed(2)).join(', ')}); CPU ${median(ts.map((t) => t.cpu)).toFixed(2)} s`;
const report = [
  `## The editors' loop, \`astro dev\`${values.floor ? ', the floor site' : ''} (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, load at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')})`,
  '',
  `| | ${results.map((r) => `${r.size} measures`).join(' | ')} |`,
  `| --- | ${results.map(() => '---').join(' | ')} |`,
  `| first page after start, no content store yet (median) | ${results.map((r) => cell(r.cold)).join(' | ')} |`,
  `| first page after start, the store of an earlier preview (median) | ${results.map((r) => cell(r.warm)).join(' | ')} |`,
  `| edited entry shown after saving (median) | ${results.map((r) => cell(r.edits)).join(' | ')} |`,
  '',
].join('\n');
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'report.md'), report);
if (PROFILES) writeFileSync(join(PROFILES, 'marks.json'), `${JSON.stringify(marks, null, 1)}\n`);
console.log(report);
