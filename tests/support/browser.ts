/**
 * A real headless Chromium (Debian's package, driven by playwright-core: no browser can be
 * downloaded here) and the built site served on localhost by Astro's own preview server.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'astro';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ROOT, TEST_SITE_DIR } from './paths.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs Debian's chromium and CJK fonts when missing (the project's own install step). */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  execFileSync('bash', [join(ROOT, 'scripts/install-browser.sh')], { stdio: 'inherit' });
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}; run scripts/install-browser.sh`);
}

export async function launchBrowser(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    // Root in a container needs --no-sandbox; the rest keep Chromium from calling home, which
    // this machine's closed network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface ServedSite {
  origin: string;
  close: () => Promise<void>;
}

/** Serves the test build (or another built site) on a free localhost port. */
export async function serveSite(outDir = TEST_SITE_DIR): Promise<ServedSite> {
  const server = await preview({
    root: ROOT,
    outDir,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0 },
  });
  return { origin: `http://127.0.0.1:${server.port}`, close: () => server.stop() };
}

/**
 * For a test file: one Chromium and one served test build, started before its tests and closed
 * after them. Read `browser` and `site` inside the tests (they exist once the hook has run).
 */
export function useBrowserAndSite(): { readonly browser: Browser; readonly site: ServedSite } {
  const state: { browser?: Browser; site?: ServedSite } = {};
  beforeAll(async () => {
    [state.browser, state.site] = await Promise.all([launchBrowser(), serveSite()]);
  }, 60_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.site?.close();
  });
  return {
    get browser() {
      return state.browser!;
    },
    get site() {
      return state.site!;
    },
  };
}
