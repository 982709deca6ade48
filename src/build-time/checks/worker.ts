/**
 * Runs the entry checks in a worker thread (see check-in-worker.ts): each message asks for a
 * check, and the result is posted back. The checker keeps what each file gave between checks.
 * It reads its input through workerInput (../worker-thread.ts), which turns on the compile cache
 * of the thread that started it, before it loads the checks.
 */
import { parentPort } from 'node:worker_threads';
import { workerInput } from '../worker-thread.ts';
import type { CheckOptions } from './index.ts';

const options = workerInput<CheckOptions>();
const { contentChecker } = await import('./index.ts');
const check = contentChecker(options);
parentPort!.on('message', async () => parentPort!.postMessage(await check()));
