/**
 * The preview's entry checks on a thread of their own, so that they run while Astro starts and
 * reads the entries (the machine has a core to spare meanwhile) and never hold up the dev server:
 * the same checks as `npm run check`, in a worker thread that stays for as long as the preview
 * runs (it asks again after every save, and only the files that changed are checked again:
 * contentChecker).
 */
import { startWorker } from '../worker-thread.ts';
import type { CheckOptions, CheckResult } from './index.ts';

/** The checks in a worker thread of their own. */
export interface CheckerThread {
  /** Checks the content as it is now (one check at a time: a call waits for the one before). */
  check(): Promise<CheckResult>;
  /** Ends the thread. */
  close(): Promise<void>;
}

export function startCheckerThread(options: CheckOptions): CheckerThread {
  const worker = startWorker(new URL('./worker.ts', import.meta.url), options);
  let failed: Error | undefined;
  let waiting: { resolve: (result: CheckResult) => void; reject: (error: Error) => void } | undefined;
  const fail = (error: Error) => {
    failed ??= error;
    waiting?.reject(failed);
    waiting = undefined;
  };
  worker.on('message', (result: CheckResult) => {
    waiting?.resolve(result);
    waiting = undefined;
  });
  worker.once('error', (error) => fail(new Error(`the entry checks failed to run: ${error.message}`, { cause: error })));
  worker.once('exit', (code) => fail(new Error(`the entry checks stopped with exit code ${code}`)));
  let queue: Promise<unknown> = Promise.resolve();
  return {
    check() {
      const asked = queue.then(
        () =>
          new Promise<CheckResult>((resolve, reject) => {
            if (failed) return reject(failed);
            waiting = { resolve, reject };
            worker.postMessage('check');
          }),
      );
      queue = asked.catch(() => undefined);
      return asked;
    },
    async close() {
      await worker.terminate();
    },
  };
}
