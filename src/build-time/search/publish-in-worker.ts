/**
 * Builds the search index and writes its files into the site's folder on a thread of its own
 * (publish-worker.ts), so that a build's pages are written meanwhile on the main thread: the
 * index is most of a build's CPU beyond Astro's own (docs/performance.md, “The search index on a
 * thread of its own”).
 */
import { startWorker } from '../worker-thread.ts';
import type { IndexInput } from './build-index.ts';

/** What the worker gets: the documents, and where the site is written. */
export interface PublishWorkerData {
  input: IndexInput;
  outDir: string;
}

/** What the worker answers once every file is written. */
export interface Published {
  files: number;
  bytes: number;
  edition: string;
}

/** Starts the worker; resolves when every file of the index is written. */
export function publishIndexInWorker(input: IndexInput, outDir: string): Promise<Published> {
  // A build that fails elsewhere ends without waiting for it (startWorker's thread never keeps the process alive).
  const worker = startWorker<PublishWorkerData>(new URL('./publish-worker.ts', import.meta.url), { input, outDir });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', (error) => reject(new Error(`the search index could not be built: ${error.message}`, { cause: error })));
    worker.once('exit', (code) => reject(new Error(`the search index's thread stopped with exit code ${code} before writing the index`)));
  });
}
