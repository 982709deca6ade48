/**
 * Runs the entry checks in a worker thread (see check-in-worker.ts) and posts the result back.
 *
 * Node's compile cache (which Astro's command turns on) belongs to the thread that turned it on:
 * a worker would compile every module afresh, and strip the types of every .ts file again, at
 * each build. So the worker turns on the cache of the thread that started it, if that has one,
 * before it loads the checks (at 1000 measures: loading them took 0.24 s of CPU instead of
 * 0.30 s, the whole worker 0.85 s instead of 0.95 s).
 *
 * The worker runs below the build's priority (src/lib/background-priority.ts): the build's main
 * thread, reading the entries beside it, is what everything waits for.
 */
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThread } from '../lib/background-priority.ts';
import type { CheckWorkerData } from './check-in-worker.ts';

lowerThisThread();
const { compileCacheDir, ...options } = workerData as CheckWorkerData;
if (compileCacheDir) enableCompileCache(compileCacheDir);
const { checkContent } = await import('./index.ts');
parentPort!.postMessage(await checkContent(options));
