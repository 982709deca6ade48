/**
 * Hostile entries through `npm run build` (scripts/build.ts), on a copy of the project whose
 * content is the base fixture (tests/fixtures/bad-entries/base/):
 *
 * - Refused: every class of tests/unit/build-time/checks/hostile-cases.ts at once, one entry each. The build
 *   fails with exactly the lines `npm run check` prints for each, leaves dist/ as it was, runs
 *   nothing (a payload's file never appears), never opens a file outside the content folder (one
 *   entry is a link to a pipe: a build that opened it would never end) and prints nothing from
 *   outside the project.
 * - The preview (`npm run dev`) starts with the refused classes in its content, prints the same
 *   lines, answers every client with them and stays up: no alias bomb or oversized file takes it
 *   down, no payload runs.
 * - Admitted: entries the allowlist lets through, written to be as hostile as it allows (odd
 *   attribute values, odd addresses that are allowed, raw HTML shown as text, diagrams whose
 *   labels hold markup). The build passes; no built file (HTML or SVG) holds executable markup,
 *   found on its syntax tree (tests/support/executable-markup.ts); no text from outside the
 *   project is in dist/; and in Chromium, with the pages' Content-Security-Policy taken away,
 *   nothing runs: no dialog, `window.__pwned` never set, no request to the beacon's address.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { toHtml } from 'hast-util-to-html';
import type { Browser } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMITTED, HOSTILE_CASES, OUTSIDE, writeCase } from '../unit/build-time/checks/hostile-cases.ts';
import { launchBrowser, serveSite, type ServedSite } from '../support/browser.ts';
import { executableMarkup } from '../support/executable-markup.ts';
import { ROOT } from '../support/paths.ts';
import { copyProject, editorEnv, removeProjects } from '../support/project-copy.ts';

const BASE = join(ROOT, 'tests/fixtures/bad-entries/base/content');
const projects: string[] = [];

/** A copy of the project whose entries are the base fixture's. */
function fixtureProject(): string {
  const dir = copyProject();
  projects.push(dir);
  for (const folder of ['measures', 'sections']) {
    rmSync(join(dir, 'content', folder), { recursive: true, force: true });
    cpSync(join(BASE, folder), join(dir, 'content', folder), { recursive: true });
  }
  return dir;
}

/** `npm run build` in the copy, with a home folder outside the project. */
const build = (dir: string) =>
  spawnSync(process.execPath, ['scripts/build.ts'], { cwd: dir, encoding: 'utf8', timeout: 400_000, env: { ...editorEnv(dir), HOME: OUTSIDE.home } });

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

beforeAll(() => OUTSIDE.make());
afterAll(() => {
  removeProjects(projects);
  OUTSIDE.remove();
});

describe('npm run build with entries the allowlist refuses', () => {
  let dir: string;
  let run: ReturnType<typeof build>;
  let before: Record<string, string>;
  const expected: string[] = [];

  beforeAll(() => {
    dir = fixtureProject();
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'dist/index.html'), '<!doctype html><title>上一次的网站</title>');
    before = tree(join(dir, 'dist'));
    HOSTILE_CASES.forEach((c, i) => expected.push(...c.lines(writeCase(dir, c, 5 + i), 5 + i)));
    run = build(dir);
  }, 600_000);

  it('fails with exactly the lines npm run check prints for each class, and says nothing was built', () => {
    const lines = run.stderr.split('\n');
    expect(run.status, run.stderr.slice(-2000)).toBe(1);
    expect(lines.filter((l) => l.startsWith('content/'))).toEqual(expected);
    expect(lines).toContain(`${expected.length} errors, 0 warnings in ${4 + HOSTILE_CASES.length + 1} entries: nothing was built`);
    expect(run.stderr).toContain('Build failed: astro build failed (exit 1). dist/ is unchanged: it still holds the last good build.');
  });

  it('leaves dist/ as it was, runs nothing and prints nothing from outside the project', () => {
    expect(tree(join(dir, 'dist'))).toEqual(before);
    expect(existsSync(OUTSIDE.pwned)).toBe(false);
    for (const secret of [OUTSIDE.secretText, OUTSIDE.home]) expect(run.stdout + run.stderr).not.toContain(secret);
    expect(readdirSync(join(dir, '.cache')).filter((n) => n.startsWith('build-'))).toEqual([]);
  });
});

describe('npm run build with entries the allowlist admits', () => {
  let dir: string;
  let run: ReturnType<typeof build>;
  let browser: Browser;
  let site: ServedSite;
  const builtFiles = () => (readdirSync(join(dir, 'dist'), { recursive: true }) as string[]).filter((f) => /\.(?:html|svg)$/.test(f));

  beforeAll(async () => {
    dir = fixtureProject();
    for (const { name, text } of ADMITTED) writeFileSync(join(dir, 'content/measures', name), text);
    run = build(dir);
    [browser, site] = await Promise.all([launchBrowser(), serveSite(join(dir, 'dist'))]);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('builds, with the raw HTML of the Markdown entry shown as text (warnings)', () => {
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
    expect(run.stderr).toContain(
      'content/measures/06.md:15:1  html  warning: "<img src=x onerror=\\"window.__pwned=7\\">" will be shown as text, not as HTML; expected Markdown (raw HTML in an entry is escaped)',
    );
  });

  it('publishes no executable markup in any built HTML or SVG file', () => {
    const files = builtFiles();
    expect(files.length).toBeGreaterThan(15);
    const ownScript = (script: Element) => String(script.properties.src ?? '').startsWith('/_astro/') && script.children.length === 0;
    const found = files.flatMap((file) => {
      const text = readFileSync(join(dir, 'dist', file), 'utf8');
      const parsed = file.endsWith('.svg') ? fromHtml(text, { fragment: true, space: 'svg' }) : fromHtml(text);
      return executableMarkup(parsed, ownScript).map((f) => `${file}: <${f.element}> ${f.what}`);
    });
    expect(found).toEqual([]);
    // The admitted entries are on their pages, as text.
    const titles = selectAll('abbr', fromHtml(readFileSync(join(dir, 'dist/measures/05/index.html'), 'utf8'))).map((a) => (a as Element).properties.title);
    expect(titles).toEqual(['"><img src=x onerror="window.__pwned=1">', 'javascript:window.__pwned=2']);
  });

  it('holds no text from outside the project', () => {
    for (const file of readdirSync(join(dir, 'dist'), { recursive: true }) as string[]) {
      let text = '';
      try {
        text = readFileSync(join(dir, 'dist', file), 'utf8');
      } catch {
        continue;
      }
      for (const secret of [OUTSIDE.secretText, OUTSIDE.home]) expect(text, file).not.toContain(secret);
    }
  });

  it('runs nothing in Chromium with the pages’ Content-Security-Policy taken away', async () => {
    // No service worker: it would serve later pages from its cache, past the route that takes the policy away.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const beacons: string[] = [];
    let csp = 0;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(site.origin)) beacons.push(r.url());
    });
    // Every page without its policy: the meta element removed on the syntax tree.
    await page.route(`${site.origin}/**`, async (route) => {
      // Only the pages are fetched here and answered rewritten; their scripts and styles go as they
      // are, since the next navigation may cancel one in flight, leaving a fetched answer with no
      // request to take it (route.fulfill then rejects, outside any test, on a busy machine).
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      // The answer's body is read before fulfilling, never left to Playwright to find later.
      const body = await response.body();
      if (!(response.headers()['content-type'] ?? '').includes('text/html')) return route.fulfill({ response, body });
      const document = fromHtml(body.toString('utf8'));
      visit(document, 'element', (node: Element, index, parent) => {
        if (node.tagName !== 'meta' || !/content-security-policy/i.test(String(node.properties.httpEquiv)) || !parent || index === undefined) return undefined;
        parent.children.splice(index, 1);
        csp++;
        return index;
      });
      return route.fulfill({ response, body: toHtml(document) });
    });
    await page.route(
      (url) => !url.href.startsWith(site.origin),
      (route) => route.abort(),
    );
    for (const path of ['/measures/05/', '/measures/06/', '/print/', '/']) {
      await page.goto(`${site.origin}${path}`);
      await page.locator('h1').first().waitFor();
      // Hover and focus what an entry wrote: handlers would fire now.
      for (const target of await page.locator('.measure-text abbr, .measure-text a, .measure-text svg, .measure-text rt').all()) {
        await target.hover({ force: true, timeout: 2000 }).catch(() => undefined);
        await target.focus().catch(() => undefined);
      }
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), path).toBeUndefined();
    }
    expect(csp).toBeGreaterThanOrEqual(4);
    expect(dialogs).toEqual([]);
    expect(beacons).toEqual([]);
    // The hostile words are on the page, as words.
    await page.goto(`${site.origin}/measures/06/`);
    expect(await page.locator('.measure-text').textContent()).toContain('<script>window.__pwned=8</script>');
    expect(selectAll('svg', fromHtml(readFileSync(join(dir, 'dist/measures/06/index.html'), 'utf8'))).length).toBeGreaterThan(0);
    await context.close();
  });
});

describe('npm run dev with entries the allowlist refuses', () => {
  let dir: string;
  let dev: ReturnType<typeof spawn>;
  let output = '';
  let origin = '';
  const expected: string[] = [];

  beforeAll(async () => {
    dir = fixtureProject();
    HOSTILE_CASES.forEach((c, i) => expected.push(...c.lines(writeCase(dir, c, 5 + i), 5 + i)));
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    origin = `http://127.0.0.1:${port}`;
    dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: dir,
      env: { ...editorEnv(dir), HOME: OUTSIDE.home },
    });
    for (const stream of [dev.stdout!, dev.stderr!]) stream.on('data', (d) => (output += String(d)));
    // Ready, and the checks' lines printed: the checks run on their own thread and print when they
    // finish, which may come after Astro says it is watching (on a busy machine it did).
    const printed = () => {
      const lines = output.split('\n');
      return expected.every((line) => lines.includes(line));
    };
    await new Promise<void>((resolve, reject) => {
      const check = () => /watching for file changes/.test(output) && printed() && resolve();
      dev.stdout!.on('data', check);
      dev.stderr!.on('data', check);
      dev.once('exit', (code) => reject(new Error(`the preview stopped (exit ${code}):\n${output.slice(-3000)}`)));
    });
  }, 600_000);
  afterAll(async () => {
    if (dev && dev.exitCode === null) {
      dev.kill('SIGTERM');
      await new Promise((r) => dev.once('exit', r));
    }
  });

  it('starts, prints the lines npm run check prints, and answers every client with them', async () => {
    const lines = output.split('\n');
    for (const line of expected) expect(lines).toContain(line);
    for (const [path, accept] of [
      ['/', 'text/html'],
      ['/measures/05/', undefined],
      ['/measures/texts.json', 'application/json'],
    ] as const) {
      const response = await fetch(`${origin}${path}`, { headers: accept ? { accept } : {} });
      expect(response.status, path).toBe(500);
      const body = await response.text();
      const shown = accept === 'text/html' ? toText(select('pre', fromHtml(body))!) : body;
      for (const line of expected) expect(shown.split('\n'), path).toContain(line);
    }
  });

  it('stays up, runs nothing and shows nothing from outside the project', async () => {
    expect(dev.exitCode).toBeNull();
    expect((await fetch(`${origin}/`)).status).toBe(500);
    expect(existsSync(OUTSIDE.pwned)).toBe(false);
    for (const secret of [OUTSIDE.secretText, OUTSIDE.home]) expect(output).not.toContain(secret);
  });
});
