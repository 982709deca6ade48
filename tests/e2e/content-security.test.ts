/**
 * The Content-Security-Policy every page declares holds in a real browser: nothing it blocks is
 * needed (no violation while reading, with diagrams, or while searching), and a request to
 * another origin would be refused.
 *
 * No waiting on time or network silence: each test waits for a state the page reaches (the
 * offline worker active, the search's results drawn, its partial matches too), then asks for a
 * picture from another origin, which the policy refuses. Violations are reported in the order
 * they happen, so once that refusal has been reported, every violation before it has too.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../support/browser.ts';

const env = useBrowserAndSite();
const OUTSIDE = 'https://example.org/pixel.png';
const REFUSED = `img-src ${OUTSIDE}`;

/** What each page wrote to its console as errors and warnings (the search says there when it cannot load). */
const consoleOf = new WeakMap<Page, string[]>();

async function openRecording(path: string): Promise<Page> {
  const page = await env.browser.newPage();
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
  consoleOf.set(page, messages);
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(env.site.origin + path);
  return page;
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

/** Asks for a picture from another origin; resolves once its refusal has been reported. */
async function requestOutside(page: Page) {
  await page.evaluate((src) => {
    const img = document.createElement('img');
    img.src = src;
    document.body.append(img);
  }, OUTSIDE);
  await expect.poll(() => violations(page)).toContain(REFUSED);
}

/** Every violation reported so far, but the refusal of that picture. */
async function violationsSoFar(page: Page): Promise<string[]> {
  await requestOutside(page);
  const all = await violations(page);
  all.splice(all.indexOf(REFUSED), 1);
  return all;
}

/** The last thing every page does: registering the offline worker after load, which then takes over. */
const offlineWorkerActive = (page: Page) => page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));

describe('content security policy', () => {
  it.each(['/', '/measures/07/', '/topics/', '/figures/'])('%s runs without a violation', async (path) => {
    const page = await openRecording(path);
    expect(await offlineWorkerActive(page)).toBe(true);
    expect(await violationsSoFar(page)).toEqual([]);
    await page.close();
  });

  it('/search/?q=… runs without a violation, partial matches included', async () => {
    // Two words that no measure holds together: the measures holding one of them are shown as partial matches.
    const page = await openRecording(`/search/?q=${encodeURIComponent('建会 高铁')}`);
    await page.locator('[data-results][data-partial-state="ready"]').waitFor({ timeout: 20_000 });
    await expect(page.locator('[data-partial-list] li').count()).resolves.toBeGreaterThan(0);
    expect(await offlineWorkerActive(page)).toBe(true);
    expect(await violationsSoFar(page)).toEqual([]);
    expect(consoleOf.get(page)!.filter((m) => !m.includes(OUTSIDE))).toEqual([]);
    await page.close();
  });

  it('lets the search run from the header box', async () => {
    const page = await openRecording('/measures/17/');
    const box = page.locator('header input[name="q"]');
    await box.focus();
    await box.pressSequentially('建会');
    await page.locator('[role="option"]').first().waitFor({ timeout: 15_000 });
    expect(await violationsSoFar(page)).toEqual([]);
    await page.close();
  });

  it('refuses a request to another origin', async () => {
    const page = await openRecording('/measures/01/');
    await requestOutside(page);
    expect(await violations(page)).toEqual([REFUSED]);
    await page.close();
  });
});
