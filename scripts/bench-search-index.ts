/**
 * npx node scripts/bench-search-index.ts SITE_DIR… [--runs 3]
 *
 * The search index's build, apart from the rest of the site's: the documents are read back from
 * a built site's index (its fragments and records: the same text, places and filters the build
 * had), the index is built again in memory by src/build-time/search/build-index.ts, checked to be
 * the very same files (same edition), and timed (median of --runs: wall time and the main
 * thread's CPU time, which on a shared machine says more). Also: the index's files and bytes
 * (raw and gzip -9), by kind of file, and what the offline worker precaches of the whole site
 * (gzip -6, as a host would send it).
 * npm run bench:search builds the sites (.cache/bench-search/site-<size>).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { filesUnder } from '../src/build-time/files-under.ts';
import { buildIndex } from '../src/build-time/search/build-index.ts';
import { INDEX_FOLDER } from '../src/pure/search/index-format.ts';
import { BuiltIndexFiles } from '../src/build-time/search/built-index-files.ts';
import { median } from './bench-timing.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' } } });

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;

for (const site of positionals) {
  const index = new BuiltIndexFiles(site);
  const { manifest } = index;
  const documents = index.documents();
  const input = { documents, statuses: manifest.statuses, topics: manifest.topics };
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < Number(values.runs); run++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const built = buildIndex(input);
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
    if (built.manifest.edition !== manifest.edition)
      throw new Error(`${site}: the index built again differs from the site's (edition ${built.manifest.edition}, not ${manifest.edition})`);
  }
  const indexFiles = filesUnder(join(site, INDEX_FOLDER));
  const byKind = new Map<string, { files: number; raw: number; gzip: number }>();
  for (const f of indexFiles) {
    const name = f.split('/').pop()!;
    const kind = name === 'manifest.json' ? 'manifest' : ({ b: 'buckets', g: 'separate postings', d: 'records', f: 'fragments' }[name[0]] ?? 'other');
    const bytes = readFileSync(join(site, INDEX_FOLDER, f));
    const k = byKind.get(kind) ?? { files: 0, raw: 0, gzip: 0 };
    byKind.set(kind, { files: k.files + 1, raw: k.raw + bytes.length, gzip: k.gzip + gzipSync(bytes, { level: 9 }).length });
  }
  const total = [...byKind.values()].reduce((a, b) => ({ files: a.files + b.files, raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));
  // What the offline worker (src/build-time/integrations/service-worker.ts) precaches: the files its list names.
  const sw = readFileSync(join(site, 'sw.js'), 'utf8');
  const precached = (JSON.parse(/const FILES = (\[.*\]);/.exec(sw)![1]) as string[]).map((url) => decodeURI(url.slice(1)).replace(/(^|\/)$/, '$1index.html'));
  const offline = precached.reduce(
    (acc, f) => {
      const bytes = readFileSync(join(site, f));
      const gzip = gzipSync(bytes).length;
      const inIndex = f.startsWith(INDEX_FOLDER);
      return {
        files: acc.files + 1,
        raw: acc.raw + bytes.length,
        gzip: acc.gzip + gzip,
        indexFiles: acc.indexFiles + (inIndex ? 1 : 0),
        indexGzip: acc.indexGzip + (inIndex ? gzip : 0),
      };
    },
    { files: 0, raw: 0, gzip: 0, indexFiles: 0, indexGzip: 0 },
  );
  console.log(`\n${site}: ${documents.length} documents (${manifest.kinds.measure.count} measures)`);
  console.log(
    `index build: ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (median of ${wall.length}; runs ${wall.map((x) => x.toFixed(0)).join(', ')} ms)`,
  );
  console.log(`index: ${total.files} files, ${mib(total.raw)} raw, ${mib(total.gzip)} gzip`);
  for (const [kind, k] of byKind) console.log(`  ${kind}: ${k.files} files, ${mib(k.raw)} raw, ${mib(k.gzip)} gzip`);
  console.log(
    `offline worker precaches ${offline.files} files, ${mib(offline.raw)} raw, ${mib(offline.gzip)} gzip; of them the search index ${offline.indexFiles} files, ${mib(offline.indexGzip)} gzip`,
  );
}
