/**
 * The browser that draws: Chromium driven by playwright-core, with one page that has mermaid and
 * svgo loaded (drawing-page.ts), shared by every drawing of the process. It starts only when a
 * drawing is neither kept with the report nor cached (a diagram new or edited), and closes when
 * the build's pages are written, or, in the preview and in scripts, a while after the last
 * drawing. Debian's headless shell when installed (scripts/install-browser.sh installs it): the
 * same Blink as the full Chromium, so the same SVG, started and run with half the CPU time.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { sharedInProcess, type DiagramBrowser } from './shared-in-process.ts';
import { drawCall, PAGE_READY, type PageDrawing, writeDrawingPage } from './drawing-page.ts';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/** The Chromium that draws, unless told another. */
export const defaultChromium = () => (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'));

/** How long the browser stays open after the last drawing, for the preview and scripts, which draw now and then. */
const IDLE_MS = 15_000;

async function openDrawingPage(executablePath: string, pageDir: string): Promise<Page> {
  const { chromium } = await import('playwright-core');
  // A page read from a file imports mermaid and svgo from their files.
  const browser = await chromium.launch({ executablePath, args: ['--allow-file-access-from-files'] });
  try {
    const page = await browser.newPage();
    await page.goto(writeDrawingPage(pageDir));
    await page.waitForFunction(PAGE_READY);
    return page;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

function diagramBrowser(executablePath: string, pageDir: string): DiagramBrowser {
  if (sharedInProcess.browser) return sharedInProcess.browser;
  const state: DiagramBrowser = { page: openDrawingPage(executablePath, pageDir), queue: Promise.resolve(), pending: 0 };
  // A failure to start is reported by the drawing that needs the browser (not as an unhandled
  // rejection), and a later drawing tries again.
  state.page.catch(() => {
    if (sharedInProcess.browser === state) sharedInProcess.browser = undefined;
  });
  return (sharedInProcess.browser = state);
}

/** Closes the browser, if one was started. The build calls it when the pages are written. */
export async function closeDiagramBrowser(): Promise<void> {
  const state = sharedInProcess.browser;
  if (!state) return;
  sharedInProcess.browser = undefined;
  clearTimeout(state.idleTimer);
  await state.queue.catch(() => undefined);
  await (await state.page.catch(() => undefined))?.context().browser()?.close();
}

/**
 * Draws `code` with mermaid's `config`, its SVG's id `id`, in the shared browser (started with
 * `executablePath` on first use; its page is written into `pageDir`).
 */
export async function drawInBrowser(code: string, config: Record<string, unknown>, id: string, executablePath: string, pageDir: string): Promise<PageDrawing> {
  const state = diagramBrowser(executablePath, pageDir);
  clearTimeout(state.idleTimer);
  state.pending++;
  const drawn = state.queue.then(async () => (await state.page).evaluate(drawCall(code, config, id)) as Promise<PageDrawing>);
  state.queue = drawn.catch(() => undefined);
  try {
    return await drawn;
  } finally {
    state.pending--;
    if (state.pending === 0 && sharedInProcess.browser === state) {
      state.idleTimer = setTimeout(() => void closeDiagramBrowser(), IDLE_MS);
      state.idleTimer.unref();
    }
  }
}
