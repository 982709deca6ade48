/**
 * npx node scripts/bench-search-bytes.ts SITE_DIR [QUERY…]
 *
 * What a first search on the search page fetches, counted from a built site's files without a
 * browser (text gzip -9 and the index's .bin files as they are, as npm run bench:search's
 * server sends them): the page with its styles,
 * loader and search UI, and the index files the search reads for the query — its postings, the
 * records of the documents it finds, the fragments of the first 20 results (and of the
 * candidates it verifies), its suggestions and partial matches. Deterministic, so it can be run
 * on a busy machine; npm run bench:search measures the same in Chromium, with times. Without
 * queries: words of two to four characters, long words that hundreds of measures may hold
 * (2020年, 中华全国总工会, 工会工作的重要论述), several words, other spellings, an absent word.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BuiltIndexFiles } from '../src/build-time/search/built-index-files.ts';
import { NO_SELECTION } from '../src/pure/search/rank.ts';
import { Searcher } from '../src/pure/search/search.ts';
const site = process.argv[2];
// As npm run bench:search's server sends them, and as static hosts commonly do: text gzipped,
// the index's binary files (application/octet-stream) as they are.
const gz = (p: string) => (p.endsWith('.bin') ? readFileSync(join(site, p)).length : gzipSync(readFileSync(join(site, p)), { level: 9 }).length);
const html = readFileSync(join(site, 'search/index.html'), 'utf8');
const assets = [...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1].slice(1));
const ui = readdirSync(join(site, '_astro')).find((f) => /^ui-.*\.js$/.test(f))!;
const pageBytes = gz('search/index.html') + assets.reduce((n, a) => n + gz(a), 0) + gz(`_astro/${ui}`);
console.log(`page + css + loader + UI: ${(pageBytes / 1024).toFixed(1)} KiB`);
const DEFAULT_QUERIES = [
  '建会',
  '工会',
  '职工',
  '疗休养',
  '产业工人',
  '職工書屋',
  '高铁',
  '工匠 创新',
  '2020年',
  '中华全国总工会',
  '工会工作的重要论述',
  '2020年 工匠',
  '中华全国总工会 2020年',
];
const queries = process.argv.length > 3 ? process.argv.slice(3) : DEFAULT_QUERIES;
for (const q of queries) {
  const store = new BuiltIndexFiles(site);
  const s = new Searcher(store);
  const exact = await s.exact(q, NO_SELECTION);
  for (const m of exact.list.shown.slice(0, 20)) {
    await store.fragment(m.doc);
    if (m.record.status < 0) await store.records([m.doc]);
  }
  await s.suggestions(exact, NO_SELECTION);
  const partial = await s.partial(exact, NO_SELECTION);
  for (const m of partial.shown.slice(0, 20)) await store.fragment(m.doc);
  const index = [...store.read].reduce((n, p) => n + gz(p), 0);
  console.log(
    `${q.padEnd(10)} results ${((exact.list.unread.length ? '≥' : '') + exact.list.all.length).padStart(5)}  index files ${String(store.read.size).padStart(4)}  index ${(index / 1024).toFixed(1).padStart(6)} KiB  total ${((index + pageBytes) / 1024).toFixed(1).padStart(6)} KiB`,
  );
}
