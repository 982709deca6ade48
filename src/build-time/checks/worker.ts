/**
 * Runs the entry checks in a worker thread (see check-in-worker.ts): each message asks for a
 * check, and the result is posted back. The checker keeps what each file gave between checks.
 *
 * Node's compile cache (which Astro's command turns on) belongs to the thread that turned it on:
 * a worker would compile every module afresh, and strip the types of every .ts file again, each
 * time it starts. So the worker turns on the cache of the thread that started it, if that has
 * one, before it loads the checks.
 */
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckWorkerData } from './check-in-worker.ts';

const { compileCacheDir, ...options } = workerData as CheckWorkerData;
if (compileCacheDir) enableCompileCache(compileCacheDir);
const { contentChecker } = await import('./index.ts');
const check = contentChecker(options);
parentPort!.on('message', async () => parentPort!.postMessage(await check()));
