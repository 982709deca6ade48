/**
 * The Content-Security-Policy every page declares holds in a real browser: nothing it blocks is
 * needed (no violation while reading, with diagrams, or while searching), and a request to
 * another origin would be refused.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../support/browser.ts';

const env = useBrowserAndSite();

async function openRecording(path: string): Promise<Page> {
  const page = await env.browser.newPage();
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

describe('content security policy', () => {
  it.each(['/', '/measures/07/', '/topics/', '/figures/', '/search/?q=建会'])('%s runs without a violation', async (path) => {
    const page = await openRecording(path);
    await page.waitForLoadState('networkidle');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('lets the search run (WebAssembly included) from the header box', async () => {
    const page = await openRecording('/measures/17/');
    const box = page.locator('header input[name="q"]');
    await box.focus();
    await box.pressSequentially('建会');
    await page.locator('[role="option"]').first().waitFor({ timeout: 15_000 });
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('refuses a request to another origin', async () => {
    const page = await openRecording('/measures/01/');
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'https://example.org/pixel.png';
      document.body.append(img);
    });
    await page.waitForTimeout(200);
    expect(await violations(page)).toEqual(['img-src https://example.org/pixel.png']);
    await page.close();
  });
});
