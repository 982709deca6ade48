/**
 * The browser that draws the diagrams (src/build-time/diagrams/diagram-browser.ts, Chromium through
 * playwright-core): its page reaches no network, it is closed when asked and started again for a
 * later drawing, a process that ends without closing it leaves no browser and no profile behind,
 * and a Chromium that cannot start is named.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDiagramBrowser, defaultChromium } from '../../../../src/build-time/diagrams/diagram-browser.ts';
import { PAGE_READY, writeDrawingPage } from '../../../../src/build-time/diagrams/drawing-page.ts';
import { renderMermaid } from '../../../../src/build-time/diagrams/render-mermaid.ts';
import { sharedInProcess } from '../../../../src/build-time/diagrams/shared-in-process.ts';
import { ROOT } from '../../../support/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'diagram-browser-test-'));
afterAll(async () => {
  await closeDiagramBrowser();
  rmSync(dir, { recursive: true, force: true });
});

/** The processes whose command line names `text` (a browser's profile folder, say). */
function processesNaming(text: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('the diagram browser', () => {
  it('draws in a page that reaches no network', async () => {
    let requests = 0;
    const server = createServer((_, response) => {
      requests++;
      response.end('reached');
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as { port: number };
    const browser = await chromium.launch({ executablePath: defaultChromium(), args: ['--allow-file-access-from-files'] });
    try {
      const page = await browser.newPage();
      await page.goto(writeDrawingPage(join(dir, 'page')));
      await page.waitForFunction(PAGE_READY);
      const fetched = await page.evaluate(`fetch('http://127.0.0.1:${port}/').then(() => 'reached', () => 'blocked')`);
      const image = await page.evaluate(
        `new Promise((done) => { const img = new Image(); img.onload = () => done('reached'); img.onerror = () => done('blocked'); img.src = 'http://127.0.0.1:${port}/i.png'; })`,
      );
      expect({ fetched, image, requests }).toEqual({ fetched: 'blocked', image: 'blocked', requests: 0 });
    } finally {
      await browser.close();
      server.close();
    }
  }, 60_000);

  it('is closed when asked, and started again for a later drawing', async () => {
    const cacheDir = join(dir, 'cache');
    const keptDir = join(dir, 'kept');
    await renderMermaid('flowchart LR\n  a["第一"] --> b', 'light', { cacheDir, keptDir });
    const first = await sharedInProcess.browser!.page;
    await closeDiagramBrowser();
    expect(sharedInProcess.browser).toBeUndefined();
    expect(first.context().browser()!.isConnected()).toBe(false);
    const drawn = await renderMermaid('flowchart LR\n  a["第二"] --> b', 'light', { cacheDir, keptDir });
    expect(drawn.svg).toMatch(/^<svg/);
    expect((await sharedInProcess.browser!.page).context().browser()!.isConnected()).toBe(true);
  }, 60_000);

  it('leaves no browser and no profile behind when the process ends without closing it (a build stopped by an error)', async () => {
    const tmp = join(dir, 'abandoned-tmp');
    mkdirSync(tmp);
    // Another Node process draws, then exits at once, the browser still open.
    const script = [
      `import { renderMermaid } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/build-time/diagrams/render-mermaid.ts')).href)};`,
      `await renderMermaid('flowchart LR\\n  a["中止"] --> b', 'light', { cacheDir: ${JSON.stringify(join(dir, 'abandoned-cache'))}, keptDir: ${JSON.stringify(join(dir, 'abandoned-kept'))} });`,
      'process.exit(3);',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp } });
    expect(run.status, run.stderr).toBe(3);
    // Its profile was in the temporary folder it was given: gone, and no process uses it.
    expect(readdirSync(tmp)).toEqual([]);
    await expect.poll(() => processesNaming(tmp)).toEqual([]);
  }, 60_000);

  it('names the program when Chromium cannot start', async () => {
    await closeDiagramBrowser();
    const missing = join(dir, 'no-chromium');
    await expect(
      renderMermaid('flowchart LR\n  a["无"] --> b', 'light', { cacheDir: join(dir, 'cache-missing'), keptDir: join(dir, 'kept'), executablePath: missing }),
    ).rejects.toThrow(missing);
    expect(sharedInProcess.browser).toBeUndefined();
  });
});
