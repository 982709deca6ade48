/**
 * The entry checks on another thread, so that a build checks the entries while Astro reads them
 * (the two take about as long, and the machine has a core to spare while Astro reads): the
 * same checkContent() as `npm run check`, in a worker thread.
 */
import { Worker } from 'node:worker_threads';
import type { CheckOptions, CheckResult } from './index.ts';

/**
 * The parent's Node options without those that only make sense for code given on the command
 * line (`node --input-type=module -e '…'`, how the search benchmark starts a build): a worker
 * started from a file refuses them.
 */
function workerExecArgv(): string[] {
  const args: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const arg = process.execArgv[i];
    if (/^--input-type(=|$)/.test(arg)) {
      if (arg === '--input-type') i++;
    } else if (['-e', '--eval', '-p', '--print'].includes(arg)) i++;
    else if (!/^--(eval|print)=/.test(arg)) args.push(arg);
  }
  return args;
}

export function checkContentInWorker(options: CheckOptions): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: options, execArgv: workerExecArgv() });
    worker.once('message', (result: CheckResult) => resolve(result));
    worker.once('error', (error) => reject(new Error(`the entry checks failed to run: ${error.message}`, { cause: error })));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the entry checks stopped with exit code ${code}`));
    });
  });
}
