/**
 * npm run bench [-- --sizes 30,1000,5000] [--runs 3] [--big-runs 1]
 *
 * The site's quality budget, measured. For each size it builds a report cold (30: the real
 * entries; more: a synthetic report made from the real text by scripts/synthetic/generate.ts),
 * with its own empty content and diagram caches, then rebuilds it warm after editing one entry,
 * and reports: build time (median of --runs cold builds for sizes up to 1000, --big-runs above),
 * time per measure, peak memory, dist size, what a first visit to a measure page loads (HTML,
 * CSS and JS, raw and gzip), and the search index size. Writes .cache/bench/report.md.
 * The real content/ and dist/ are not touched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateSynthetic } from './synthetic/generate.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '30,1000,5000' },
    runs: { type: 'string', default: '3' },
    'big-runs': { type: 'string', default: '1' },
  },
});
const ROOT = process.cwd();
const OUT = join(ROOT, '.cache/bench');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

interface BuildRun {
  seconds: number;
  peakMiB: number;
}

/** One build with GNU time: wall time, and the peak resident memory of the largest process. */
function build(contentDir: string, outDir: string, caches: string): BuildRun {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-v', process.execPath, ASTRO, 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: contentDir,
      ASTRO_CACHE_DIR: join(caches, 'astro'),
      DIAGRAM_CACHE_DIR: join(caches, 'diagrams'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const stderr = result.stderr.toString();
  if (result.status !== 0) throw new Error(`build of ${contentDir} failed:\n${stderr.slice(-3000)}`);
  const seconds = (performance.now() - started) / 1000;
  const kib = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
  return { seconds, peakMiB: kib / 1024 };
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
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
  warm: BuildRun;
  pages: number;
  distBytes: number;
  searchIndexBytes: number;
  visit: { html: number; htmlGz: number; css: number; cssGz: number; js: number; jsGz: number; totalGz: number; maxTotalGz: number };
}

function measure(size: number): SizeResult {
  const dir = join(OUT, `size-${size}`);
  const contentDir = size === 30 ? join(dir, 'content') : join(dir, 'content');
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
  for (let i = 0; i < runs; i++) {
    rmSync(join(dir, 'caches'), { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    cold.push(build(contentDir, outDir, join(dir, 'caches')));
    process.stderr.write(`  ${size}: cold build ${i + 1}/${runs}: ${cold.at(-1)!.seconds.toFixed(2)} s\n`);
  }

  // Warm: caches kept, one entry edited (a paragraph added), as an editor would.
  const first = join(contentDir, 'measures', readdirSync(join(contentDir, 'measures')).sort()[0]);
  appendFileSync(first, '\n基准测试：编辑一项措施后重新生成。\n');
  const warm = build(contentDir, outDir, join(dir, 'caches'));
  process.stderr.write(`  ${size}: warm rebuild: ${warm.seconds.toFixed(2)} s\n`);

  const all = files(outDir);
  const measurePages = all.filter((f) => /\/measures\/\d+\/index\.html$/.test(f));
  const visits = measurePages.map((p) => firstVisit(outDir, p));
  const totals = visits.map((v) => v.html.gzip + v.css.gzip + v.js.gzip);
  return {
    size,
    cold,
    warm,
    pages: all.filter((f) => f.endsWith('.html')).length,
    distBytes: all.reduce((n, f) => n + statSync(f).size, 0),
    searchIndexBytes: all.filter((f) => relative(outDir, f).startsWith('pagefind/')).reduce((n, f) => n + statSync(f).size, 0),
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
  };
}

const sizes = values.sizes!.split(',').map(Number);
const results: SizeResult[] = [];
for (const size of sizes) {
  process.stderr.write(`size ${size}\n`);
  results.push(measure(size));
}

const coldMedian = (r: SizeResult) => median(r.cold.map((c) => c.seconds));
const perMeasure = (r: SizeResult) => (coldMedian(r) / r.size) * 1000;
const rows: [string, (r: SizeResult) => string][] = [
  ['cold build (median)', (r) => `${coldMedian(r).toFixed(2)} s${r.cold.length > 1 ? ` (${r.cold.map((c) => c.seconds.toFixed(1)).join(', ')})` : ''}`],
  ['time per measure', (r) => `${perMeasure(r).toFixed(2)} ms`],
  ['warm rebuild, one entry edited', (r) => `${r.warm.seconds.toFixed(2)} s`],
  ['peak memory (largest process)', (r) => `${Math.max(...r.cold.map((c) => c.peakMiB)).toFixed(0)} MiB`],
  ['pages', (r) => String(r.pages)],
  ['dist size', (r) => `${(r.distBytes / 1048576).toFixed(1)} MiB`],
  ['search index (pagefind/)', (r) => `${(r.searchIndexBytes / 1048576).toFixed(2)} MiB`],
  ['measure page HTML raw / gzip', (r) => `${kib(r.visit.html)} / ${kib(r.visit.htmlGz)}`],
  ['measure page CSS raw / gzip', (r) => `${kib(r.visit.css)} / ${kib(r.visit.cssGz)}`],
  ['measure page JS raw / gzip (first visit)', (r) => `${kib(r.visit.js)} / ${kib(r.visit.jsGz)}`],
  ['first visit total gzip (median / max)', (r) => `${kib(r.visit.totalGz)} / ${kib(r.visit.maxTotalGz)}`],
];
const table = [
  `| measure | ${results.map((r) => `${r.size} measures`).join(' | ')} |`,
  `| --- | ${results.map(() => '---').join(' | ')} |`,
  ...rows.map(([label, cell]) => `| ${label} | ${results.map(cell).join(' | ')} |`),
].join('\n');
const small = results.find((r) => r.size === 1000);
const big = results.find((r) => r.size === 5000);
const growth = small && big ? `\nTime per measure at 5000 ÷ at 1000: ${(perMeasure(big) / perMeasure(small)).toFixed(2)} (target ≤ 1.2).\n` : '';
const report = `## Site benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.env.CI ? 'CI' : 'local'})\n\n${table}\n${growth}`;
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'report.md'), report);
console.log(report);
