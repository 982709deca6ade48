/**
 * A worker thread of the build's or the preview's (the entry checks', the search index's), and
 * what such a worker reads first.
 *
 * None of the parent's Node options go to the worker: a worker refuses V8's (scripts/astro-build.ts
 * gives one) and code given on the command line. Node's compile cache (which Astro's command turns
 * on) belongs to the thread that turned it on: a worker would compile every module afresh, and
 * strip the types of every .ts file again, each time it starts. So the worker turns on the cache
 * of the thread that started it, if that has one, before it loads anything else (workerInput).
 */
import { enableCompileCache, getCompileCacheDir } from 'node:module';
import { Worker, workerData } from 'node:worker_threads';

interface WithCache<T> {
  input: T;
  compileCacheDir?: string;
}

/** Starts `module` on a thread of its own with `input`; it never keeps the process alive. */
export function startWorker<T>(module: URL, input: T): Worker {
  const worker = new Worker(module, { workerData: { input, compileCacheDir: getCompileCacheDir() } satisfies WithCache<T>, execArgv: [] });
  worker.unref();
  return worker;
}

/** In the worker, first: turns on its parent's compile cache, and gives the input startWorker was given. */
export function workerInput<T>(): T {
  const { input, compileCacheDir } = workerData as WithCache<T>;
  if (compileCacheDir) enableCompileCache(compileCacheDir);
  return input;
}
