/**
 * The build's Chromium driver (src/diagrams/chromium-pipe.ts), on Debian's headless shell as the
 * build uses it: a page opened from a file, expressions evaluated in it, clear errors when the
 * browser or the page fails, nothing left behind, and no request to the network from the
 * drawing page.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openPage } from '../../src/diagrams/chromium-pipe.ts';
import { childProcesses } from '../../src/lib/process-tree.ts';
import { closeDiagramBrowser, renderMermaid } from '../../src/diagrams/render-mermaid.ts';
import { ROOT } from '../support/paths.ts';

const CHROMIUM = existsSync('/usr/bin/chromium-headless-shell') ? '/usr/bin/chromium-headless-shell' : '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'chromium-pipe-test-'));
// Browsers' profiles go to a folder of this file's own (os.tmpdir() reads TMPDIR), so that other
// test files drawing diagrams at the same time do not change the count.
const profileDir = join(dir, 'tmp');
mkdirSync(profileDir);
process.env.TMPDIR = profileDir;
afterAll(async () => {
  await closeDiagramBrowser();
  rmSync(dir, { recursive: true, force: true });
});

function pageFile(name: string, script: string): string {
  const file = join(dir, name);
  writeFileSync(file, `<!doctype html><html><head><meta charset="utf-8"></head><body><script type="module">${script}</script></body></html>`);
  return pathToFileURL(file).href;
}

const profiles = () => readdirSync(profileDir).filter((name) => name.startsWith('report-diagrams-chromium-'));

describe('chromium-pipe', () => {
  it('opens a page from a file and evaluates in it once it is ready, awaiting promises', async () => {
    const url = pageFile('ready.html', 'globalThis.double = async (n) => n * 2; globalThis.ready = true;');
    const page = await openPage({ executablePath: CHROMIUM, url, readyWhen: 'globalThis.ready === true' });
    try {
      expect(await page.evaluate('location.href')).toBe(url);
      expect(await page.evaluate('globalThis.double(21)')).toBe(42);
      expect(await page.evaluate('({ text: "中文", list: [1, 2] })')).toEqual({ text: '中文', list: [1, 2] });
      await expect(page.evaluate('Promise.reject(new Error("图示出错"))')).rejects.toThrow('图示出错');
    } finally {
      await page.close();
    }
  }, 30_000);

  it('runs the browser at a lower priority when asked to, and at the usual one otherwise', async () => {
    const own = getPriority();
    const prioritiesOfBrowsers = () =>
      childProcesses(process.pid)
        .filter((pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('chromium'))
        .map((pid) => getPriority(pid));
    const url = pageFile('priority.html', 'globalThis.ready = true;');
    for (const background of [true, false]) {
      const page = await openPage({ executablePath: CHROMIUM, url, readyWhen: 'globalThis.ready', background });
      try {
        expect(prioritiesOfBrowsers()).toEqual([background ? Math.min(19, own + 10) : own]);
      } finally {
        await page.close();
      }
    }
  }, 30_000);

  it('closes the browser and removes its profile; later calls say the browser ended', async () => {
    const before = profiles();
    const page = await openPage({ executablePath: CHROMIUM, url: pageFile('close.html', 'globalThis.ready = true;'), readyWhen: 'globalThis.ready' });
    expect(profiles().length).toBe(before.length + 1);
    await page.close();
    expect(profiles()).toEqual(before);
    await expect(page.evaluate('1')).rejects.toThrow(/^Chromium \(.+\) ended/);
  }, 30_000);

  it('ends the browser and removes its profile when the process ends without closing it (a build stopped by an error)', () => {
    const before = profiles();
    const url = pageFile('abandoned.html', 'globalThis.ready = true;');
    // Another Node process opens a page, lists the browser's processes and exits at once.
    const script = [
      `import { openPage } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/diagrams/chromium-pipe.ts')).href)};`,
      `import { processTree } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/lib/process-tree.ts')).href)};`,
      `await openPage({ executablePath: ${JSON.stringify(CHROMIUM)}, url: ${JSON.stringify(url)}, readyWhen: 'globalThis.ready' });`,
      'console.log(JSON.stringify(processTree(process.pid).slice(1)));',
      'process.exit(3);',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, TMPDIR: profileDir } });
    expect(run.status, run.stderr).toBe(3);
    const browser: number[] = JSON.parse(run.stdout);
    // The command, the browser and its renderer at least.
    expect(browser.length).toBeGreaterThanOrEqual(3);
    const alive = browser.filter((pid) => {
      try {
        // A killed process not yet reaped by its parent is a zombie: ended all the same.
        return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
    expect(profiles()).toEqual(before);
  }, 30_000);

  it('fails with the page and the condition when the page is never ready, and leaves nothing behind', async () => {
    const before = profiles();
    const url = pageFile('never.html', 'globalThis.ready = false;');
    await expect(openPage({ executablePath: CHROMIUM, url, readyWhen: 'globalThis.ready', readyTimeoutMs: 300 })).rejects.toThrow(
      `the page ${url} was not ready within 300 ms (globalThis.ready)`,
    );
    expect(profiles()).toEqual(before);
  }, 30_000);

  it('fails with the page when it does not load in time', async () => {
    // An image that never comes holds the page's load event.
    const server = createServer(() => undefined);
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as { port: number };
    const file = join(dir, 'slow.html');
    writeFileSync(file, `<!doctype html><img src="http://127.0.0.1:${port}/never.png">`);
    const url = pathToFileURL(file).href;
    try {
      await expect(openPage({ executablePath: CHROMIUM, url, readyWhen: 'true', readyTimeoutMs: 500 })).rejects.toThrow(`the page ${url} did not load within 500 ms`);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 30_000);

  /** A stand-in for Chromium: a shell script that does what a broken browser would. */
  function fakeBrowser(name: string, script: string): string {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
    return file;
  }

  it('says how the browser ended, with what it printed, when it ends before answering', async () => {
    const browser = fakeBrowser('ends.sh', 'echo "no display" >&2; exit 3');
    await expect(openPage({ executablePath: browser, url: 'about:blank', readyWhen: 'true' })).rejects.toThrow(`Chromium (${browser}) ended (exit code 3):\nno display`);
    expect(profiles()).toEqual([]);
  });

  it('stops when the browser answers with something that is not the protocol', async () => {
    const browser = fakeBrowser('garbles.sh', "printf 'garbage\\000' >&4; sleep 10");
    await expect(openPage({ executablePath: browser, url: 'about:blank', readyWhen: 'true' })).rejects.toThrow('Chromium sent a message that is not JSON: garbage');
    expect(profiles()).toEqual([]);
  });

  it('names the program when Chromium cannot start', async () => {
    await expect(openPage({ executablePath: join(dir, 'no-chromium'), url: 'about:blank', readyWhen: 'true' })).rejects.toThrow(
      `cannot start Chromium (${join(dir, 'no-chromium')}): spawn ${join(dir, 'no-chromium')} ENOENT`,
    );
  });

  it('the drawing page reaches no network', async () => {
    const cacheDir = join(dir, 'diagrams');
    await renderMermaid('flowchart LR\n  a --> b', 'light', { cacheDir });
    const drawingPage = readdirSync(cacheDir).find((name) => name.startsWith('render-page-'))!;
    let requests = 0;
    const server = createServer((_, response) => {
      requests++;
      response.end('reached');
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as { port: number };
    const page = await openPage({ executablePath: CHROMIUM, url: pathToFileURL(join(cacheDir, drawingPage)).href, readyWhen: 'globalThis.renderDiagram !== undefined' });
    try {
      const fetched = await page.evaluate(`fetch('http://127.0.0.1:${port}/').then(() => 'reached', () => 'blocked')`);
      const image = await page.evaluate(
        `new Promise((done) => { const img = new Image(); img.onload = () => done('reached'); img.onerror = () => done('blocked'); img.src = 'http://127.0.0.1:${port}/i.png'; })`,
      );
      expect({ fetched, image, requests }).toEqual({ fetched: 'blocked', image: 'blocked', requests: 0 });
    } finally {
      await page.close();
      server.close();
    }
  }, 30_000);
});
