/**
 * The search index's thread (publish-in-worker.ts): builds the index from the documents and
 * writes its files under the site's folder, then answers what it wrote.
 *
 * Node's compile cache belongs to the thread that turned it on (src/build-time/checks/worker.ts):
 * the worker turns on its parent's before it loads the index's modules.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Published, PublishWorkerData } from './publish-in-worker.ts';

const { input, outDir, compileCacheDir } = workerData as PublishWorkerData;
if (compileCacheDir) enableCompileCache(compileCacheDir);
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
