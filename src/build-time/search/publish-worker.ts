/**
 * The search index's thread (publish-in-worker.ts): builds the index from the documents and
 * writes its files under the site's folder, then answers what it wrote.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { workerInput } from '../worker-thread.ts';
import type { Published, PublishWorkerData } from './publish-in-worker.ts';

// First: it turns on the compile cache of the thread that started this one (../worker-thread.ts).
const { input, outDir } = workerInput<PublishWorkerData>();
const { buildIndex } = await import('./build-index.ts');
const { manifest, files } = buildIndex(input);
const folders = new Set<string>();
let bytes = 0;
// One after another, synchronously: this thread has nothing else to do.
for (const [path, body] of files) {
  const file = join(outDir, path);
  const folder = dirname(file);
  if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
  folders.add(folder);
  writeFileSync(file, body);
  bytes += typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}
parentPort!.postMessage({ files: files.size, bytes, edition: manifest.edition } satisfies Published);
