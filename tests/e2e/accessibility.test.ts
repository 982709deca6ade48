/**
 * axe-core in Chromium on every kind of page, in light and in dark mode: no violations.
 * And the keyboard: the skip link is the first stop and its focus is visible.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite } from '../support/browser.ts';

const env = useBrowserAndSite();

const PAGES = [
  '/',
  '/measures/07/',
  '/measures/17/',
  '/source/',
  '/topics/',
  '/timeline/',
  '/figures/',
  '/documents/',
  '/organisations/',
  '/about-data/',
  '/404.html',
];

describe.each(['light', 'dark'] as const)('axe in %s mode', (colorScheme) => {
  it.each(PAGES)('%s has no violations', async (path) => {
    // AxeBuilder needs a page of its own browser context.
    const context = await env.browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(env.site.origin + path);
    const { violations } = await new AxeBuilder({ page: page as never }).analyze();
    const summary = violations.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
    expect(summary).toEqual([]);
    await context.close();
  });
});

describe('keyboard', () => {
  it('reaches the skip link first, shows its focus, and it moves focus to the main content', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.site.origin}/measures/17/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, visible: el.getBoundingClientRect().height > 0, background: style.backgroundColor };
    });
    expect(focused.text).toBe('跳到正文');
    expect(focused.visible).toBe(true);
    expect(focused.background).not.toBe('rgba(0, 0, 0, 0)');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    await page.close();
  });
});
