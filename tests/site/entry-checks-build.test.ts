/**
 * The entry checks where editors meet them: `npm run build` and `npm run dev`, run on a copy of
 * the project in a temporary folder (the real content/ and dist/ are never touched).
 *
 * - A build with a broken entry fails with the line `npm run check` prints, and the last good
 *   site in dist/ stays exactly as it was; a good build replaces it.
 * - An entry of 1 MB builds, and a <script> an editor typed reaches the page as text only.
 * - The preview prints the same line in the terminal, shows it in the browser's error overlay,
 *   and comes back when the file is fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Paragraph, Root } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { launchBrowser } from '../support/browser.ts';
import { readPage } from '../support/built-site.ts';
import { ROOT } from '../support/paths.ts';
import { chinesePunctuation } from '../../src/pure/text/chinese-punctuation.ts';
import { buildProject, copyProject, editorEnv, removeProjects } from '../support/project-copy.ts';

const BROKEN_LINE = 'content/measures/12.md:4:9  status  "已完" is not one of 已完成, 推进中, 计划中, 持续推进';
const YAML_LINE = (title: string) =>
  `content/measures/11.md:3:8  yaml  "title: ${title}: 编者" does not parse: Nested mappings are not allowed in compact mappings (put text that holds a colon ": " in quotes)`;

const projects: string[] = [];
afterAll(() => removeProjects(projects));

function project(): string {
  const dir = copyProject();
  projects.push(dir);
  return dir;
}

function setStatus(dir: string, from: string, to: string) {
  const file = join(dir, 'content/measures/12.md');
  const text = readFileSync(file, 'utf8');
  if (!text.includes(`status: ${from}\n`)) throw new Error(`12.md has no status ${from}`);
  writeFileSync(file, text.replace(`status: ${from}\n`, `status: ${to}\n`));
}

const build = buildProject;

/** Every file under a folder with its bytes. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    try {
      out[name] = readFileSync(path).toString('base64');
    } catch {
      // a folder
    }
  }
  return out;
}

describe('npm run build', () => {
  let dir: string;
  beforeAll(() => {
    dir = project();
    // The last good site, as a previous build left it.
    mkdirSync(join(dir, 'dist/measures/12'), { recursive: true });
    writeFileSync(join(dir, 'dist/index.html'), '<!doctype html><title>上一次的网站</title>');
    writeFileSync(join(dir, 'dist/measures/12/index.html'), '<!doctype html><title>（12）</title>');
  });

  it('fails on a broken entry with the line npm run check prints, and leaves dist/ as it was', () => {
    const before = tree(join(dir, 'dist'));
    setStatus(dir, '计划中', '已完');
    const run = build(dir);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')).toContain(BROKEN_LINE);
    expect(run.stderr).toContain('1 error, 0 warnings in 32 entries: nothing was built');
    expect(run.stderr).toContain('Build failed: astro build failed (exit 1). dist/ is unchanged: it still holds the last good build.');
    expect(tree(join(dir, 'dist'))).toEqual(before);
    // No half-built site is left behind either.
    expect(readdirSync(join(dir, '.cache')).filter((n) => n.startsWith('build-'))).toEqual([]);
  });

  it('replaces dist/ once the entry is fixed; an entry of 1 MB builds, and a <script> in an entry is only text', () => {
    setStatus(dir, '已完', '计划中');
    const file = join(dir, 'content/measures/03.md');
    const text = readFileSync(file, 'utf8');
    const paragraph = text.slice(text.lastIndexOf('\n---\n') + 5).trim();
    const copies = Math.ceil(1_048_576 / Buffer.byteLength(`${paragraph}\n\n`));
    const scriptLine = text.trimEnd().split('\n').length + 2;
    writeFileSync(file, `${text.trimEnd()}\n\n<script>alert("hacked")</script>\n\n${Array.from({ length: copies }, () => paragraph).join('\n\n')}\n`);
    expect(readFileSync(file).length).toBeGreaterThan(1_048_576);

    const run = build(dir);
    expect(run.status, run.stderr).toBe(0);
    // The check warns about the raw HTML, in the same words as npm run check.
    expect(run.stderr.split('\n')).toContain(
      `content/measures/03.md:${scriptLine}:1  html  warning: "<script>alert(\\"hacked\\")</script>" will be shown as text, not as HTML; expected Markdown (raw HTML in an entry is escaped)`,
    );
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).not.toContain('上一次的网站');
    expect(existsSync(join(dir, 'dist/measures/30/index.html'))).toBe(true);

    const html = readFileSync(join(dir, 'dist/measures/03/index.html'), 'utf8');
    expect(html).not.toContain('<script>alert("hacked")');
    const page = fromHtml(html);
    const scripts = selectAll('script', page).map((s) => toText(s));
    expect(scripts.some((s) => s.includes('hacked'))).toBe(false);
    const texts = selectAll('.measure-text p', page).map((p) => toText(p));
    expect(texts).toContain('<script>alert("hacked")</script>');
    // As the reading pages show the source's words: its ASCII punctuation as Chinese punctuation.
    expect(texts.filter((t) => t === chinesePunctuation(paragraph)).length).toBeGreaterThanOrEqual(copies);
    expect(select('h1', page)).toBeTruthy();
    // Every drawing it used is kept with the report: nothing to say about them.
    expect(run.stdout + run.stderr).not.toContain('not kept with the report');
  });

  it('says so when a drawing on the site is not kept with the report yet (a diagram was edited)', () => {
    const file = join(dir, 'content/measures/07.md');
    const text = readFileSync(file, 'utf8');
    if (!text.includes('accTitle: 编者图示：')) throw new Error('07.md has no diagram title to edit');
    writeFileSync(file, text.replace('accTitle: 编者图示：', 'accTitle: 编者图示（改）：'));
    const run = build(dir);
    expect(run.status, run.stderr).toBe(0);
    // Its light and its dark drawing, each drawn across and top-down for phones; the home and topics pages' drawings are still kept.
    expect(run.stdout + run.stderr).toContain(
      '4 drawings on the site are not kept with the report in content/diagrams/: run `npm run diagrams:keep` once the build is done, and commit content/diagrams/, so that a clone builds them without drawing.',
    );
  });
});

describe('the built site (the shared test build of the real content)', () => {
  const dir = join(ROOT, 'content/measures');
  const entries = readdirSync(dir)
    .filter((f) => /^\d+\.mdx?$/.test(f))
    .sort();

  it.each(entries)('shows the text of %s on its page exactly as written, its punctuation as the reading pages show it', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const body = text.slice(text.indexOf('\n---\n', 4) + 5);
    const written: string[] = [];
    visit(unified().use(remarkParse).use(remarkGfm).parse(body) as Root, 'paragraph', (p: Paragraph) => {
      written.push(chinesePunctuation(mdastText(p)));
    });
    const page = readPage(`/measures/${name.replace(/\.mdx?$/, '')}/`);
    const shown = selectAll('.measure-text > p', page)
      .filter((p) => !String(p.properties.className ?? '').includes('muted'))
      .map((p) => toText(p));
    expect(shown).toEqual(written);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

describe('npm run dev', () => {
  let dir: string;
  let dev: ChildProcess;
  let output = '';
  let origin = '';
  let browser: Browser;
  // Everything the preview printed and every page load, timed: what a failed test reports.
  let log = '';
  const started = Date.now();
  const note = (line: string) => (log += `${((Date.now() - started) / 1000).toFixed(2)}s ${line}\n`);
  const watched = (page: Page, name: string) => {
    page.on('response', (r) => r.request().isNavigationRequest() && note(`${name}: ${r.status()} ${r.url()}`));
    page.on('websocket', (ws) => {
      note(`${name}: socket opened`);
      ws.on('framereceived', (f) => note(`${name}: socket got ${String(f.payload).slice(0, 80)}`));
      ws.on('close', () => note(`${name}: socket closed`));
    });
    return page;
  };
  // Each wait below waits for a state of the page or the terminal, with no limit of its own: only
  // the test's limit ends a wait that never ends, and then the test prints what happened.
  const WAIT = { timeout: 0 };
  // expect.poll has a limit of its own: the site tests' limit (vitest.config.ts).
  const POLL = { timeout: 600_000 };
  beforeEach(({ onTestFailed }) => onTestFailed(() => console.error(`what happened:\n${log}`)));

  /** Waits for the measure's page itself. */
  const showsMeasure = (page: Page) => page.locator('article h1').waitFor(WAIT);

  /** Resolves as soon as the terminal has shown a line that passes `line`. */
  const printed = (line: RegExp) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!line.test(output)) return;
        dev.stderr!.off('data', check);
        dev.stdout!.off('data', check);
        resolve();
      };
      dev.stderr!.on('data', check);
      dev.stdout!.on('data', check);
      check();
    });
  const lines = (line: string) => new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm');

  let title11 = '';
  const breakYaml = () => {
    const file = join(dir, 'content/measures/11.md');
    const text = readFileSync(file, 'utf8');
    title11 = /^title: (.*)$/m.exec(text)![1];
    writeFileSync(file, text.replace(`title: ${title11}\n`, `title: ${title11}: 编者\n`));
  };
  const fixYaml = () => {
    const file = join(dir, 'content/measures/11.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(`title: ${title11}: 编者\n`, `title: ${title11}\n`));
  };

  beforeAll(async () => {
    dir = project();
    // Broken before the preview starts, in the YAML and in the schema: it must start all the same.
    breakYaml();
    setStatus(dir, '计划中', '已完');
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: dir,
      env: editorEnv(dir),
    });
    for (const stream of [dev.stdout!, dev.stderr!]) {
      stream.on('data', (d) => {
        output += String(d);
        note(`preview: ${String(d).trimEnd()}`);
      });
    }
    await Promise.all([printed(/watching for file changes/), printed(lines('2 errors, 0 warnings in 32 entries'))]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (dev && dev.exitCode === null) {
      dev.kill('SIGTERM');
      await new Promise((r) => dev.once('exit', r));
    }
  });

  it('starts with broken entries and prints the lines npm run check prints', () => {
    expect(output.split('\n')).toEqual(expect.arrayContaining([YAML_LINE(title11), BROKEN_LINE, '2 errors, 0 warnings in 32 entries']));
  });

  it('answers every client, not only a browser, with the lines while an entry is broken', async () => {
    for (const path of ['/measures/12/', '/', '/search-index/manifest.json']) {
      for (const accept of [undefined, '*/*', 'application/json']) {
        const response = await fetch(`${origin}${path}`, { headers: accept ? { accept } : {} });
        expect(response.status, `${path} ${accept}`).toBe(500);
        expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
        expect((await response.text()).split('\n'), `${path} ${accept}`).toContain(BROKEN_LINE);
      }
    }
  });

  it('shows the same line in the browser, and the page comes back when the entry is fixed', async () => {
    const page = watched(await browser.newPage(), 'page');
    const response = await page.goto(`${origin}/measures/12/`);
    expect(response?.status(), output).toBe(500);
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ state: 'attached', ...WAIT });
    await expect.poll(() => overlay.locator('#message-content').textContent(), POLL).toContain(BROKEN_LINE);
    expect(await overlay.locator('#message-content').textContent()).toContain(YAML_LINE(title11));
    expect(await overlay.locator('#title').textContent()).toBe('Entries need fixing');
    expect(await overlay.locator('#code header h2').textContent()).toBe('measures/11.md:3:8');

    // One fixed: the page reloads and shows the other.
    fixYaml();
    await expect
      .poll(
        () =>
          page
            .locator('vite-error-overlay #code header h2')
            .textContent()
            .catch(() => ''),
        POLL,
      )
      .toBe('measures/12.md:4:9');
    expect(await page.locator('vite-error-overlay #title').textContent()).toBe('An entry needs fixing');

    setStatus(dir, '已完', '计划中');
    await showsMeasure(page);
    expect(await page.locator('article h1').textContent()).toContain('（12）');
    expect(await page.locator('vite-error-overlay').count()).toBe(0);
    await printed(/32 entries checked: no problems/);

    // Broken again while the page is open: it reloads into the overlay by itself.
    output = '';
    setStatus(dir, '计划中', '已完');
    await printed(lines(BROKEN_LINE));
    await page.locator('vite-error-overlay').waitFor({ state: 'attached', ...WAIT });
    await expect.poll(() => page.locator('vite-error-overlay #message-content').textContent(), POLL).toContain(BROKEN_LINE);
    await page.close();
  });

  it('brings back a page served the overlay just before the fix, which connects after the reload went out', async () => {
    // Entry 12 is still broken from the test above. One page shows the overlay and is connected.
    const open = watched(await browser.newPage(), 'open');
    await open.goto(`${origin}/measures/12/`);
    await open.locator('vite-error-overlay').waitFor({ state: 'attached', ...WAIT });
    // Another gets the overlay page but its socket is held back until the fix has been announced.
    const late = watched(await browser.newPage(), 'late');
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    await late.route('**/@vite/client', async (route) => {
      await released;
      await route.continue();
    });
    const response = await late.goto(`${origin}/measures/12/`, { waitUntil: 'commit' });
    expect(response?.status()).toBe(500);

    output = '';
    setStatus(dir, '已完', '计划中');
    await printed(/32 entries checked: no problems/);
    // Asked for the moment the terminal says so, the page renders from the fixed entry.
    const now = await fetch(`${origin}/measures/12/`, { headers: { accept: 'text/html' } });
    expect(now.status).toBe(200);
    expect(toText(fromHtml(await now.text()))).toContain('计划中');
    await showsMeasure(open);
    expect(output).not.toMatch(/\[ERROR\]/);

    release();
    await showsMeasure(late);
    expect(await late.locator('article h1').textContent()).toContain('（12）');
    await open.close();
    await late.close();
  });

  it('searches in the preview: the search page asks for the index by the names of its files and shows the results', async () => {
    const page = watched(await browser.newPage(), 'search');
    const asked: string[] = [];
    page.on('response', (r) => r.url().includes('/search-index/') && asked.push(`${r.status()} ${new URL(r.url()).pathname}`));
    await page.goto(`${origin}/search/?q=${encodeURIComponent('职工书屋')}`);
    const results = page.locator('[data-results]');
    await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector<HTMLElement>('[data-results]')?.dataset.state ?? ''), null, WAIT);
    expect(await results.getAttribute('data-state'), asked.join('\n')).toBe('ready');
    expect(asked[0]).toBe('200 /search-index/manifest.json');
    expect(asked.filter((a) => !a.startsWith('200 ') || a.endsWith('/'))).toEqual([]);
    const texts = await page.locator('[data-exact] > li').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain('职工书屋');
    await page.close();
  });
});
