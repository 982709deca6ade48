/**
 * npm run bench:build [-- --runs 3]
 *
 * Measures the real site: cold build time (median of several runs, the content cache cleared
 * before each), a warm rebuild, the page count, and what a first visit to a measure page loads
 * (HTML + CSS + JS, raw and gzip). Prints a Markdown table. Builds into .cache/bench/, so dist/
 * is left alone.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const ROOT = process.cwd();
const OUT = join(ROOT, '.cache/bench');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

function build(): number {
  const started = performance.now();
  execFileSync(process.execPath, [ASTRO, 'build', '--outDir', OUT], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

const cold: number[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  rmSync(join(ROOT, 'node_modules/.astro'), { recursive: true, force: true });
  rmSync(join(ROOT, '.astro'), { recursive: true, force: true });
  rmSync(OUT, { recursive: true, force: true });
  cold.push(build());
}
const warm = build();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const all = files(OUT);
const pages = all.filter((f) => f.endsWith('.html'));
const measurePages = pages.filter((f) => relative(OUT, f).startsWith('measures/'));

/** What a first visit to a page loads: the HTML and the styles and scripts it references. */
function firstVisit(page: string) {
  const html = readFileSync(page);
  const text = html.toString('utf8');
  const assets = [...text.matchAll(/(?:href|src)="(\/[^"]+\.(css|js))"/g)].map((m) => ({
    kind: m[2],
    bytes: readFileSync(join(OUT, m[1])),
  }));
  const size = (bufs: Buffer[]) => ({ raw: bufs.reduce((n, b) => n + b.length, 0), gzip: bufs.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) });
  return {
    html: size([html]),
    css: size(assets.filter((a) => a.kind === 'css').map((a) => a.bytes)),
    js: size(assets.filter((a) => a.kind === 'js').map((a) => a.bytes)),
    inlineScripts: (text.match(/<script/g) ?? []).length,
  };
}

const visits = measurePages.map(firstVisit);
const pick = (key: 'html' | 'css' | 'js', unit: 'raw' | 'gzip') => visits.map((v) => v[key][unit]);
const row = (label: string, xs: number[]) => `| ${label} | ${kib(Math.min(...xs))} | ${kib(median(xs))} | ${kib(Math.max(...xs))} |`;

console.log(`\n## Build (${measurePages.length} measures, Node ${process.version})\n`);
console.log('| measure | value |\n| --- | --- |');
console.log(`| cold build, median of ${cold.length} | ${(median(cold) / 1000).toFixed(2)} s (runs: ${cold.map((t) => (t / 1000).toFixed(2)).join(', ')} s) |`);
console.log(`| warm rebuild, nothing changed | ${(warm / 1000).toFixed(2)} s |`);
console.log(`| pages | ${pages.length} |`);
console.log(`| dist size | ${kib(all.reduce((n, f) => n + statSync(f).size, 0))} |`);
console.log(`\n## First visit to a measure page (${measurePages.length} pages)\n`);
console.log('| what | min | median | max |\n| --- | --- | --- | --- |');
console.log(row('HTML raw', pick('html', 'raw')));
console.log(row('HTML gzip', pick('html', 'gzip')));
console.log(row('CSS raw', pick('css', 'raw')));
console.log(row('CSS gzip', pick('css', 'gzip')));
console.log(row('JS raw', pick('js', 'raw')));
const total = visits.map((v) => v.html.gzip + v.css.gzip + v.js.gzip);
console.log(row('HTML + CSS + JS gzip', total));
console.log(`\nScript elements on measure pages: ${visits.reduce((n, v) => n + v.inlineScripts, 0)}`);
