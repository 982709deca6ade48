/**
 * npm run bench [-- --sizes 30,1000,5000] [--runs 3] [--big-runs 1] [--no-floor]
 *
 * The site's quality budget, measured. For each size it builds a report cold (30: the real
 * entries; more: a synthetic report made from the real text by scripts/synthetic/generate.ts),
 * with its own empty caches (content, diagrams) and the drawings kept with the report
 * (content/diagrams/, as a clone of the repository has them), then rebuilds it warm with those
 * caches after editing one entry, builds the floor (scripts/bench-floor.ts: the barest Astro
 * site for the same entries, its Markdown through remark/rehype, then the Pagefind CLI), and
 * builds it cold once more without the kept drawings, so that every diagram is drawn (what a
 * build costs before `npm run diagrams:keep`), in turn, on the same machine. It reports: build time (median of --runs cold builds for sizes up to 1000, --big-runs
 * above), the warm rebuild's and the floor's (medians of as many), their ratio, CPU time, where
 * the time goes (Astro's own phase timings and the site's integrations), time per measure, peak
 * memory, dist size, what a first visit to a measure page loads (HTML, CSS and JS, raw and
 * gzip), and the search index size. Writes .cache/bench/report.md. The real content/ and dist/
 * are not touched.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { filesUnder } from '../src/build-time/files-under.ts';
import { astroBuildCommand } from './astro-build.ts';
import { buildFloor } from './bench-floor.ts';
import { median, siteBuildEnv, timed, type TimedRun } from './bench-timing.ts';
import { generateSynthetic } from './synthetic/generate.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '30,1000,5000' },
    runs: { type: 'string', default: '3' },
    'big-runs': { type: 'string', default: '1' },
    'no-floor': { type: 'boolean', default: false },
  },
});
const ROOT = process.cwd();
const OUT = join(ROOT, '.cache/bench');

/** Where a build's time went, from the lines Astro and the site's integrations print. */
interface Phases {
  /** Config, entry checks (in a worker) and Astro reading the entries, up to "Completed in". */
  setup: number;
  /** Vite bundling the pages. */
  bundle: number;
  /** Writing the pages, the search index's files among them (src/pages/search-index/). */
  pages: number;
  /** The offline worker's file list and edition hash. */
  offline: number;
}

interface BuildRun extends TimedRun {
  phases: Phases;
}

function phasesOf(log: string): Phases {
  // Astro prints "850ms", "12.34s", or past a minute "5m 12s".
  const TIME = String.raw`(?:(\d+)m )?([\d.]+) ?(m?s)`;
  const seconds = (before: string) => {
    const m = new RegExp(before + TIME).exec(log);
    if (!m) return Number.NaN;
    return Number(m[1] ?? 0) * 60 + (m[3] === 'ms' ? Number(m[2]) / 1000 : Number(m[2]));
  };
  return {
    setup: seconds(String.raw`\[build\] ✓ Completed in `),
    bundle: seconds(String.raw`\[vite\] ✓ built in `),
    pages: seconds(String.raw`generating static routes[\s\S]*?✓ Completed in `),
    offline: seconds(String.raw`\[report-offline\] .*?\(`),
  };
}

/** One build of the site, as `astro build` with its own caches. */
function build(contentDir: string, outDir: string, caches: string): BuildRun {
  const run = timed(...astroBuildCommand(ROOT, ['--outDir', outDir]), ROOT, siteBuildEnv(contentDir, caches));
  return { ...run, phases: phasesOf(run.output) };
}

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** What a first visit to a page loads: its HTML, its stylesheets and scripts (inline ones are in the HTML). */
function firstVisit(outDir: string, page: string) {
  const html = readFileSync(page);
  const text = html.toString('utf8');
  const refs = [...text.matchAll(/<(?:link[^>]+rel="(?:stylesheet|modulepreload)"[^>]*href|script[^>]+src)="([^"]+)"/g)].map((m) => m[1]);
  const assets = refs.map((ref) => ({ ref, bytes: readFileSync(join(outDir, ref.replace(/^\//, ''))) }));
  const css = assets.filter((a) => a.ref.endsWith('.css'));
  const js = assets.filter((a) => a.ref.endsWith('.js'));
  const inlineJs = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
  return {
    html: { raw: html.length, gzip: gz(html) },
    css: { raw: css.reduce((n, a) => n + a.bytes.length, 0), gzip: css.reduce((n, a) => n + gz(a.bytes), 0) },
    js: { raw: js.reduce((n, a) => n + a.bytes.length, 0) + inlineJs.length, gzip: js.reduce((n, a) => n + gz(a.bytes), 0) + (inlineJs ? gz(inlineJs) : 0) },
  };
}

interface SizeResult {
  size: number;
  cold: BuildRun[];
  warm: BuildRun[];
  floor: TimedRun[];
  /** Cold builds without the kept drawings: every diagram drawn. */
  undrawn: BuildRun[];
  pages: number;
  distBytes: number;
  searchIndexBytes: number;
  visit: { html: number; htmlGz: number; css: number; cssGz: number; js: number; jsGz: number; totalGz: number; maxTotalGz: number };
  /** The largest HTML page but /print/ (the whole report for one PDF, which grows with it by design). */
  largestPage: { path: string; raw: number; gzip: number };
}

function measure(size: number): SizeResult {
  const dir = join(OUT, `size-${size}`);
  const contentDir = join(dir, 'content');
  const outDir = join(dir, 'dist');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (size === 30) {
    // The real report, copied so the warm-rebuild edit never touches content/.
    execFileSync('cp', ['-r', join(ROOT, 'content'), contentDir]);
  } else {
    generateSynthetic(size, contentDir);
  }

  const runs = Number(size > 1000 ? values['big-runs'] : values.runs);
  const cold: BuildRun[] = [];
  const warm: BuildRun[] = [];
  const floor: TimedRun[] = [];
  const undrawn: BuildRun[] = [];
  // The same entries, edits included, without the drawings kept with them: copied each round, not
  // linked (the report's settings refuse a file that leads out of its content folder).
  const undrawnContent = join(dir, 'content-undrawn');
  const entries = readdirSync(join(contentDir, 'measures')).sort();
  // In turn (cold, warm, floor), so that a change in the machine's load shows in all three.
  for (let i = 0; i < runs; i++) {
    rmSync(join(dir, 'caches'), { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    cold.push(build(contentDir, outDir, join(dir, 'caches')));
    process.stderr.write(`  ${size}: cold build ${i + 1}/${runs}: ${cold.at(-1)!.seconds.toFixed(2)} s (load ${loadavg()[0].toFixed(1)})\n`);
    // Warm: that build's caches kept, one entry edited (a paragraph added), as an editor would; another entry each run.
    appendFileSync(join(contentDir, 'measures', entries[i % entries.length]), '\n基准测试：编辑一项措施后重新生成。\n');
    warm.push(build(contentDir, outDir, join(dir, 'caches')));
    process.stderr.write(`  ${size}: warm rebuild ${i + 1}/${runs}: ${warm.at(-1)!.seconds.toFixed(2)} s\n`);
    if (!values['no-floor']) {
      floor.push(buildFloor(ROOT, contentDir, join(dir, 'floor')));
      process.stderr.write(`  ${size}: floor build ${i + 1}/${runs}: ${floor.at(-1)!.seconds.toFixed(2)} s\n`);
    }
    rmSync(join(dir, 'caches-undrawn'), { recursive: true, force: true });
    rmSync(join(dir, 'dist-undrawn'), { recursive: true, force: true });
    rmSync(undrawnContent, { recursive: true, force: true });
    cpSync(contentDir, undrawnContent, { recursive: true, filter: (from) => from !== join(contentDir, 'diagrams') });
    undrawn.push(build(undrawnContent, join(dir, 'dist-undrawn'), join(dir, 'caches-undrawn')));
    process.stderr.write(`  ${size}: cold build, every diagram drawn ${i + 1}/${runs}: ${undrawn.at(-1)!.seconds.toFixed(2)} s\n`);
  }
  for (const name of ['dist-undrawn', 'content-undrawn', 'floor']) rmSync(join(dir, name), { recursive: true, force: true });

  const all = filesUnder(outDir).map((f) => join(outDir, f));
  const measurePages = all.filter((f) => /\/measures\/\d+\/index\.html$/.test(f));
  const visits = measurePages.map((p) => firstVisit(outDir, p));
  const totals = visits.map((v) => v.html.gzip + v.css.gzip + v.js.gzip);
  const [largest] = all
    .filter((f) => f.endsWith('.html') && !relative(outDir, f).startsWith('print/'))
    .map((f) => ({ f, raw: statSync(f).size }))
    .sort((a, b) => b.raw - a.raw);
  return {
    size,
    cold,
    warm,
    floor,
    undrawn,
    pages: all.filter((f) => f.endsWith('.html')).length,
    distBytes: all.reduce((n, f) => n + statSync(f).size, 0),
    searchIndexBytes: all.filter((f) => relative(outDir, f).startsWith('search-index/')).reduce((n, f) => n + statSync(f).size, 0),
    visit: {
      html: median(visits.map((v) => v.html.raw)),
      htmlGz: median(visits.map((v) => v.html.gzip)),
      css: median(visits.map((v) => v.css.raw)),
      cssGz: median(visits.map((v) => v.css.gzip)),
      js: median(visits.map((v) => v.js.raw)),
      jsGz: median(visits.map((v) => v.js.gzip)),
      totalGz: median(totals),
      maxTotalGz: Math.max(...totals),
    },
    largestPage: { path: `/${relative(outDir, largest.f).replace(/index\.html$/, '')}`, raw: largest.raw, gzip: gz(readFileSync(largest.f)) },
  };
}

const sizes = values.sizes!.split(',').map(Number);
const results: SizeResult[] = [];
for (const size of sizes) {
  process.stderr.write(`size ${size}\n`);
  results.push(measure(size));
}

const medianRun = <T extends TimedRun>(runs: T[]) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
const coldMedian = (r: SizeResult) => medianRun(r.cold).seconds;
const perMeasure = (r: SizeResult) => (coldMedian(r) / r.size) * 1000;
const secs = (n: number) => (Number.isNaN(n) ? '–' : `${n.toFixed(2)} s`);
const phase = (key: keyof Phases) => (r: SizeResult) => secs(medianRun(r.cold).phases[key]);
const rows: [string, (r: SizeResult) => string][] = [
  ['cold build (median)', (r) => `${coldMedian(r).toFixed(2)} s${r.cold.length > 1 ? ` (${r.cold.map((c) => c.seconds.toFixed(1)).join(', ')})` : ''}`],
  ...(values['no-floor']
    ? []
    : ([
        [
          'floor: bare Astro with remark/rehype + Pagefind CLI (median)',
          (r) => `${medianRun(r.floor).seconds.toFixed(2)} s${r.floor.length > 1 ? ` (${r.floor.map((c) => c.seconds.toFixed(1)).join(', ')})` : ''}`,
        ],
        ['cold build ÷ floor', (r) => (coldMedian(r) / medianRun(r.floor).seconds).toFixed(2)],
        // Each cold build against the floor built right after it: a machine that slows down or
        // speeds up during a run moves both builds of a round, and their ratio less.
        [
          'cold build ÷ floor, round by round (median; lowest–highest)',
          (r) => {
            const ratios = r.cold.map((c, i) => c.seconds / r.floor[i].seconds);
            return `${median(ratios).toFixed(2)}${ratios.length > 1 ? ` (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})` : ''}`;
          },
        ],
      ] as [string, (r: SizeResult) => string][])),
  [
    'cold build, every diagram drawn (no kept drawings; median)',
    (r) =>
      `${medianRun(r.undrawn).seconds.toFixed(2)} s${r.undrawn.length > 1 ? ` (${r.undrawn.map((c) => c.seconds.toFixed(1)).join(', ')})` : ''}` +
      (values['no-floor'] ? '' : `, ${(medianRun(r.undrawn).seconds / medianRun(r.floor).seconds).toFixed(2)} of the floor`),
  ],
  ['CPU time, cold build (user + system)', (r) => `${medianRun(r.cold).cpuSeconds.toFixed(1)} s`],
  ['· setup: config, checks (worker), reading entries', phase('setup')],
  ['· bundling (Vite)', phase('bundle')],
  ['· writing pages (the search index among them)', phase('pages')],
  ['· offline worker', phase('offline')],
  ['time per measure', (r) => `${perMeasure(r).toFixed(2)} ms`],
  [
    'warm rebuild, one entry edited (median)',
    (r) =>
      `${medianRun(r.warm).seconds.toFixed(2)} s${r.warm.length > 1 ? ` (${r.warm.map((w) => w.seconds.toFixed(1)).join(', ')})` : ''}, ${(medianRun(r.warm).seconds / coldMedian(r)).toFixed(2)} of cold`,
  ],
  [
    '· warm: setup / bundling / pages / offline',
    (r) => `${(['setup', 'bundle', 'pages', 'offline'] as const).map((k) => secs(medianRun(r.warm).phases[k]).replace(' s', '')).join(' / ')} s`,
  ],
  ['peak memory (largest process)', (r) => `${Math.max(...r.cold.map((c) => c.peakMiB)).toFixed(0)} MiB`],
  ['pages', (r) => String(r.pages)],
  ['dist size', (r) => `${(r.distBytes / 1048576).toFixed(1)} MiB`],
  ['search index (search-index/)', (r) => `${(r.searchIndexBytes / 1048576).toFixed(2)} MiB`],
  ['measure page HTML raw / gzip', (r) => `${kib(r.visit.html)} / ${kib(r.visit.htmlGz)}`],
  ['measure page CSS raw / gzip', (r) => `${kib(r.visit.css)} / ${kib(r.visit.cssGz)}`],
  ['measure page JS raw / gzip (first visit)', (r) => `${kib(r.visit.js)} / ${kib(r.visit.jsGz)}`],
  ['first visit total gzip (median / max)', (r) => `${kib(r.visit.totalGz)} / ${kib(r.visit.maxTotalGz)}`],
  ['largest page but /print/, HTML raw / gzip', (r) => `${kib(r.largestPage.raw)} / ${kib(r.largestPage.gzip)} (${r.largestPage.path})`],
];
const table = [
  `| measure | ${results.map((r) => `${r.size} measures`).join(' | ')} |`,
  `| --- | ${results.map(() => '---').join(' | ')} |`,
  ...rows.map(([label, cell]) => `| ${label} | ${results.map(cell).join(' | ')} |`),
].join('\n');
const small = results.find((r) => r.size === 1000);
const big = results.find((r) => r.size === 5000);
const growth =
  small && big
    ? `\nTime per measure at 5000 ÷ at 1000: ${(perMeasure(big) / perMeasure(small)).toFixed(2)} (target ≤ 1.2).\n` +
      `Largest page but /print/ at 5000 ÷ at 1000: ${(big.largestPage.raw / small.largestPage.raw).toFixed(2)} (no page grows with the report: about 1).\n`
    : '';
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
const report = `## Site benchmark (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${process.env.CI ? 'CI' : 'local'}, load at the end ${load})\n\n${table}\n${growth}`;
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'report.md'), report);
console.log(report);
