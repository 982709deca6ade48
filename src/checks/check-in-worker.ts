/**
 * The entry checks on another thread, so that a build checks the entries while Astro reads them
 * (the two take about as long, and the machine has a core to spare while Astro reads): the
 * same checkContent() as `npm run check`, in a worker thread.
 */
import { getCompileCacheDir } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CheckOptions, CheckResult } from './index.ts';

/** The parent's Node options without those for code given on the command line (`node --input-type=module -e '…'`). */
function withoutCommandLineCode(execArgv: string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    if (/^--input-type(=|$)/.test(arg)) {
      if (arg === '--input-type') i++;
    } else if (['-e', '--eval', '-p', '--print'].includes(arg)) i++;
    else if (!/^--(eval|print)=/.test(arg)) args.push(arg);
  }
  return args;
}

/**
 * Starts the worker with the parent's Node options. They are inherited as they are (V8's, such
 * as the build's --max-opt, included) unless the parent ran code given on the command line (how
 * the search benchmark starts a build): a worker started from a file refuses those options, so
 * the worker gets the others, named. Node checks a named list and refuses in it the options of
 * the whole process, V8's among them (which apply to the worker anyway): the ones it names are
 * left out and the worker started again.
 */
function startWorker(file: URL, workerData: CheckWorkerData): Worker {
  let execArgv = withoutCommandLineCode(process.execArgv);
  if (execArgv.length === process.execArgv.length) return new Worker(file, { workerData });
  for (;;) {
    try {
      return new Worker(file, { workerData, execArgv });
    } catch (error) {
      const refused = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_INVALID_EXEC_ARGV' ? /flags: (.+)$/.exec((error as Error).message)?.[1].split(', ') : undefined;
      const kept = execArgv.filter((arg) => !refused?.includes(arg));
      if (kept.length === execArgv.length) throw error;
      execArgv = kept;
    }
  }
}

/** What the worker (worker.ts) gets: the checks' options, and the compile cache of the thread that starts it, if that has one. */
export interface CheckWorkerData extends CheckOptions {
  compileCacheDir?: string;
}

export function checkContentInWorker(options: CheckOptions): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(new URL('./worker.ts', import.meta.url), { ...options, compileCacheDir: getCompileCacheDir() });
    worker.once('message', (result: CheckResult) => resolve(result));
    worker.once('error', (error) => reject(new Error(`the entry checks failed to run: ${error.message}`, { cause: error })));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the entry checks stopped with exit code ${code}`));
    });
  });
}
