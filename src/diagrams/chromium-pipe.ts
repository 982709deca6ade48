/**
 * Headless Chromium with one page, driven over the DevTools protocol on a pipe
 * (`--remote-debugging-pipe`: the browser reads commands on its file descriptor 3 and answers on
 * 4, one JSON message per NUL-terminated chunk). The build draws diagrams with it.
 *
 * Why not playwright-core, which the tests use: playwright runs its whole driver inside the
 * calling process, and the build's main thread, which also writes the pages, paid 0.7 s of CPU
 * for it to draw the home page's diagram (importing it, then routing every module the page
 * loads). Drawing needs four commands. chrome-remote-interface, the usual small client, speaks
 * only WebSocket: that needs a TCP port on the build machine and a handshake.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { lowerPriority } from '../lib/background-priority.ts';
import { processTree } from '../lib/process-tree.ts';

/** A browser with one page open on a local file. */
export interface ChromiumPage {
  /** Evaluates an expression in the page, awaits it if it is a promise, and returns its value as JSON would. */
  evaluate<T>(expression: string): Promise<T>;
  /** Ends the browser and removes its profile. */
  close(): Promise<void>;
}

export interface OpenPageOptions {
  /** Chromium or its headless shell. */
  executablePath: string;
  /** The page to open (a file: URL). */
  url: string;
  /** An expression that is true once the page is ready (checked every few milliseconds). */
  readyWhen: string;
  /** How long the page may take to load, and then to be ready. */
  readyTimeoutMs?: number;
  /** Run the browser at a lower CPU priority than this process (src/lib/background-priority.ts). */
  background?: boolean;
}

/** How long a browser asked to close may take before it is killed. */
const CLOSE_TIMEOUT_MS = 5_000;

const SWITCHES = [
  '--headless',
  // The build runs as root in containers: Chromium's sandbox refuses root.
  '--no-sandbox',
  '--disable-gpu',
  // Containers often give /dev/shm 64 MB, too little for a renderer.
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-extensions',
  '--disable-sync',
  '--disable-breakpad',
  '--hide-scrollbars',
  '--mute-audio',
  // A page read from a file may import modules from files (mermaid, svgo).
  '--allow-file-access-from-files',
  '--remote-debugging-pipe',
  // A drawing runs for a second at most: V8's optimizing compilers (Maglev, TurboFan) cost more
  // CPU than they save in it. Baseline code only took a third less of the browser's CPU for the
  // real report's six drawings (6.1-7.3 s became 4.3-5.0 s), and the SVG is byte for byte the same.
  '--js-flags=--max-opt=1',
  // Fewer processes to start: no zygote to fork renderers from, the GPU and network services in
  // the browser's own process, no spare renderer kept ready for a second site. Starting the
  // browser on a blank page took 0.8 s of CPU instead of 1.2 s (4 rounds each, in turn; 0.65 s
  // with --disable-software-rasterizer below), and the real report's six drawings 2.9-3.0 s
  // instead of 3.2-3.7 s; the SVG is the same.
  '--no-zygote',
  '--in-process-gpu',
  // Drawing needs no rasterizing: without one the GPU thread starts no software renderer.
  '--disable-software-rasterizer',
  '--enable-features=NetworkServiceInProcess2',
  '--disable-features=SpareRendererForSitePerProcess',
];

interface Pending {
  resolve: (result: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

/** The protocol over the pipe: numbered commands, answers matched by number. */
class PipeSession {
  #next = 0;
  readonly #pending = new Map<number, Pending>();
  readonly #awaited = new Map<string, Pending>();
  #buffered = '';
  #ended?: Error;
  readonly #input: Writable;

  constructor(input: Writable, output: Readable) {
    this.#input = input;
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.#receive(chunk));
  }

  #receive(chunk: string): void {
    this.#buffered += chunk;
    let end: number;
    while ((end = this.#buffered.indexOf('\0')) !== -1) {
      const text = this.#buffered.slice(0, end);
      this.#buffered = this.#buffered.slice(end + 1);
      let message: {
        id?: number;
        method?: string;
        sessionId?: string;
        params?: Record<string, unknown>;
        result?: Record<string, unknown>;
        error?: { message: string };
      };
      try {
        message = JSON.parse(text);
      } catch {
        // Not the protocol: nothing more from this browser can be trusted.
        this.end(new Error(`Chromium sent a message that is not JSON: ${text.slice(0, 200)}`));
        return;
      }
      if (message.id === undefined) {
        // An event: only the ones waited for (nextEvent) matter.
        const key = `${message.sessionId ?? ''} ${message.method}`;
        this.#awaited.get(key)?.resolve(message.params ?? {});
        this.#awaited.delete(key);
        continue;
      }
      const pending = this.#pending.get(message.id);
      if (!pending) continue;
      this.#pending.delete(message.id);
      if (message.error) pending.reject(new Error(message.error.message));
      else pending.resolve(message.result ?? {});
    }
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.#ended) return Promise.reject(this.#ended);
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** The next event `method` of the page `sessionId`. */
  nextEvent(method: string, sessionId: string): Promise<Record<string, unknown>> {
    if (this.#ended) return Promise.reject(this.#ended);
    return new Promise((resolve, reject) => this.#awaited.set(`${sessionId} ${method}`, { resolve, reject }));
  }

  /** The browser is gone: every command waiting, and every later one, fails with `error`. */
  end(error: Error): void {
    this.#ended ??= error;
    for (const pending of [...this.#pending.values(), ...this.#awaited.values()]) pending.reject(this.#ended);
    this.#pending.clear();
    this.#awaited.clear();
  }
}

function startBrowser(executablePath: string, profile: string): { process: ChildProcess; session: PipeSession } {
  const child = spawn(executablePath, [...SWITCHES, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  const session = new PipeSession(child.stdio[3] as Writable, child.stdio[4] as Readable);
  // What the browser says is kept only to explain its end.
  let said = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    said = (said + chunk).slice(-2000);
  });
  child.on('error', (error) => session.end(new Error(`cannot start Chromium (${executablePath}): ${error.message}`, { cause: error })));
  child.on('exit', (code, signal) => session.end(new Error(`Chromium (${executablePath}) ended (${signal ?? `exit code ${code}`})${said.trim() ? `:\n${said.trim()}` : ''}`)));
  // A write to a browser that has just ended fails here; the command's promise says why.
  (child.stdio[3] as Writable).on('error', () => undefined);
  return { process: child, session };
}

/** Starts Chromium, opens `url` in a page, and resolves once `readyWhen` holds there. */
export async function openPage(options: OpenPageOptions): Promise<ChromiumPage> {
  // A profile of its own: two builds at once must not share (and lock) one.
  const profile = mkdtempSync(join(tmpdir(), 'report-diagrams-chromium-'));
  const { process: child, session } = startBrowser(options.executablePath, profile);
  if (options.background) lowerPriority(child.pid);
  // A process that ends without closing the browser (a build stopped by an error) still ends
  // it, and leaves no profile behind in the temporary folder.
  const endWithProcess = () => {
    // Debian's command is a shell script that starts the browser: end the browser's processes too.
    for (const pid of child.pid === undefined ? [] : processTree(child.pid).reverse()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already ended.
      }
    }
    rmSync(profile, { recursive: true, force: true });
  };
  process.once('exit', endWithProcess);
  const close = async () => {
    process.off('exit', endWithProcess);
    // A browser that never started (no pid) or has ended has nothing to close.
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await session.send('Browser.close').catch(() => child.kill('SIGKILL'));
      // A browser that does not end when asked is ended: a build must not wait for it.
      const stuck = setTimeout(() => child.kill('SIGKILL'), CLOSE_TIMEOUT_MS);
      await exited;
      clearTimeout(stuck);
    }
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    // The blank page the browser opens with, not a second one: a page of its own costs a renderer's start.
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
    const targetId = targetInfos.find((t) => t.type === 'page')?.targetId ?? (await session.send('Target.createTarget', { url: 'about:blank' })).targetId;
    const { sessionId } = (await session.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const evaluate = async <T>(expression: string): Promise<T> => {
      const answer = (await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)) as {
        result: { value?: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
      return answer.result.value as T;
    };
    // Evaluated before the page has loaded, an expression would run in the blank page before it.
    await session.send('Page.enable', {}, sessionId);
    const loaded = session.nextEvent('Page.loadEventFired', sessionId);
    // Awaited below; a browser that ends first must not also make it an unhandled rejection.
    loaded.catch(() => undefined);
    const navigated = (await session.send('Page.navigate', { url: options.url }, sessionId)) as { errorText?: string };
    if (navigated.errorText) throw new Error(`Chromium could not open ${options.url}: ${navigated.errorText}`);
    const timeout = options.readyTimeoutMs ?? 30_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeout)));
    const load = await Promise.race([loaded, late]).finally(() => clearTimeout(timer));
    if (load === 'late') throw new Error(`the page ${options.url} did not load within ${timeout} ms`);
    const ready = await evaluate<boolean>(
      `new Promise((done) => { const until = Date.now() + ${timeout}; const check = () => (${options.readyWhen}) ? done(true) : Date.now() > until ? done(false) : setTimeout(check, 5); check(); })`,
    );
    if (!ready) throw new Error(`the page ${options.url} was not ready within ${timeout} ms (${options.readyWhen})`);
    // Again, now that the browser has started its other processes (a renderer, a zygote, the GPU's).
    if (options.background) lowerPriority(child.pid);
    return { evaluate, close };
  } catch (error) {
    await close();
    throw error;
  }
}
