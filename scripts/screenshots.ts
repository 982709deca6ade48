/**
 * Screenshots of every kind of page as a reader sees them — a 360×740 phone (mobile, touch, 2×) in
 * light and dark, and a 1280 px desktop — with the figures that tell a layout holds on a phone:
 * the page's width against the screen's, the smallest diagram label as drawn, and how far down the
 * list of measures starts on the home page. For looking at, before and after a change to the
 * layout; the phone suite (tests/e2e/phone.test.ts) asserts the same things.
 *
 *   npm run build && node scripts/screenshots.ts --out .cache/shots   (--site DIR: another built site, --only home,figures: some pages)
 *   pdftoppm -r 50 -png .cache/shots/print.pdf .cache/shots/print    (the printed pages as images)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { preview } from 'astro';
import { chromium, type BrowserContextOptions, type Page } from 'playwright-core';
import { PAGE_KINDS, PHONE } from '../tests/support/page-kinds.ts';

const { values } = parseArgs({
  options: { site: { type: 'string', default: 'dist' }, out: { type: 'string', default: '.cache/shots' }, only: { type: 'string' } },
});
const out = resolve(values.out!);
mkdirSync(out, { recursive: true });

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const VIEWS = [
  { name: 'phone-light', options: { ...PHONE, colorScheme: 'light' } },
  { name: 'phone-dark', options: { ...PHONE, colorScheme: 'dark' } },
  { name: 'desktop', options: { ...DESKTOP, colorScheme: 'light' } },
] as const;

/** What the page measures in the browser: its width, its smallest visible diagram label, where the measures start. */
function measure(page: Page) {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll<SVGTextElement>('figure.diagram svg text')].filter((t) => t.getClientRects().length && t.textContent?.trim());
    const sizes = labels.map((t) => {
      const scale = t.getScreenCTM()?.a ?? 1;
      return parseFloat(getComputedStyle(t).fontSize) * scale;
    });
    const list = document.querySelector('#measures');
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      height: document.documentElement.scrollHeight,
      smallestLabel: sizes.length ? Math.min(...sizes) : null,
      measuresStart: list ? list.getBoundingClientRect().top + scrollY : null,
    };
  });
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const server = await preview({ root: process.cwd(), outDir: resolve(values.site!), logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
const origin = `http://127.0.0.1:${server.port}`;
const figures: Record<string, unknown>[] = [];
try {
  for (const view of VIEWS) {
    const context = await browser.newContext(view.options);
    // The service worker would answer from an older build's cache.
    await context.route('**/sw.js', (route) => route.abort());
    for (const { name, path, search } of PAGE_KINDS.filter((p) => !values.only || values.only.split(',').includes(p.name))) {
      const page = await context.newPage();
      await page.goto(origin + path);
      if (search) await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-results]')?.dataset.state === 'ready');
      await page.evaluate(() => document.fonts.ready);
      const file = join(out, `${name}-${view.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      figures.push({ view: view.name, page: name, ...(await measure(page)) });
      await page.close();
    }
    await context.close();
  }
  // The print page as the browser prints it (A4, the stylesheet's @page rules).
  const page = await browser.newPage();
  await page.goto(`${origin}/print/`);
  await page.evaluate(() => document.fonts.ready);
  await page.pdf({ path: join(out, 'print.pdf'), preferCSSPageSize: true, displayHeaderFooter: false });
  await page.close();
} finally {
  await browser.close();
  await server.stop();
}
writeFileSync(join(out, 'figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.table(figures);
