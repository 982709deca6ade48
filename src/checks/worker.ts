/**
 * Runs the entry checks in a worker thread (see check-in-worker.ts) and posts the result back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkContent, type CheckOptions } from './index.ts';

parentPort!.postMessage(await checkContent(workerData as CheckOptions));
