/**
 * Renders mermaid diagrams to SVG at build time, with the real mermaid package in headless
 * Chromium (Debian's package, driven over a pipe by chromium-pipe.ts; no browser can be
 * downloaded here), once per diagram source and theme: results are cached on disk, so an
 * unchanged diagram is never rendered again and a build without new diagrams never starts a
 * browser. The drawings the report shows are also kept with its entries, in content/diagrams/
 * (scripts/keep-diagrams.ts puts them there), and read from there first: a build of the
 * repository, on any machine, shows the drawings the editors saw, and needs no browser for them.
 * A build that does render starts one browser and loads mermaid (and svgo, which
 * shrinks each drawing) once, whatever the number of diagrams. In a build, the browser runs at a
 * lower CPU priority than the build (drawInBackground).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentFolder } from '../lib/content-folder.ts';
import { openPage, type ChromiumPage } from './chromium-pipe.ts';

export type DiagramTheme = 'light' | 'dark';

export interface RenderedSvg {
  svg: string;
  title?: string;
  description?: string;
}

/** A diagram that mermaid could not read, with mermaid's own message. */
export class DiagramError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = 'DiagramError';
    this.code = code;
  }
}

const FONT_FAMILY = "'Noto Sans CJK SC', 'PingFang SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

/**
 * Mermaid settings per theme. The font is the CJK one installed for the build
 * (fonts-noto-cjk), so labels are measured with real Chinese glyphs; readers' system CJK fonts
 * have the same full-width advance. Security level strict: a diagram in an entry is content, so
 * mermaid encodes tags in its labels, runs no click callback and keeps only safe link addresses.
 */
const MERMAID_CONFIG: Record<DiagramTheme, Record<string, unknown>> = {
  light: {
    theme: 'base',
    fontFamily: FONT_FAMILY,
    securityLevel: 'strict',
    themeVariables: {
      fontFamily: FONT_FAMILY,
      fontSize: '15px',
      primaryColor: '#f3f2f1',
      primaryBorderColor: '#484949',
      primaryTextColor: '#0b0c0c',
      lineColor: '#484949',
      secondaryColor: '#e8f0f8',
      tertiaryColor: '#ffffff',
    },
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: true, wrappingWidth: 480 },
  },
  dark: {
    theme: 'base',
    fontFamily: FONT_FAMILY,
    securityLevel: 'strict',
    themeVariables: {
      darkMode: true,
      fontFamily: FONT_FAMILY,
      fontSize: '15px',
      background: '#121416',
      primaryColor: '#1f2326',
      primaryBorderColor: '#c7c9ca',
      primaryTextColor: '#f3f2f1',
      lineColor: '#c7c9ca',
      secondaryColor: '#12324f',
      tertiaryColor: '#121416',
    },
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: true, wrappingWidth: 480 },
  },
};

const require = createRequire(import.meta.url);
const MERMAID_VERSION: string = require('mermaid/package.json').version;
/** mermaid's ES module build: the page loads the core and then only the chunks a diagram type needs. */
const MERMAID_MODULE = pathToFileURL(require.resolve('mermaid/dist/mermaid.esm.min.mjs')).href;
/** svgo's browser build: the same svgo as in Node, run in the page (see SVGO_CONFIG). */
const SVGO_MODULE = pathToFileURL(join(dirname(require.resolve('svgo')), 'svgo.browser.js')).href;
/** Bump when the way diagrams are rendered changes, so old cache entries are not reused. */
const RENDERING_VERSION = 6;

export interface RenderOptions {
  /** Where rendered SVGs are kept between builds. */
  cacheDir?: string;
  /** The drawings kept with the report, read before the cache and never written. Default: keptDrawingsDir(). */
  keptDir?: string;
  /** Chromium to drive; Debian's headless shell by default, else Debian's Chromium. */
  executablePath?: string;
}

/**
 * One Chromium and one page with mermaid loaded, shared by every render of the process: starting
 * Chromium and loading mermaid cost about 1.5 s, a render about 0.1 s. (mermaid's single-file
 * bundle took 2.3 s more to parse than the ES module build, which loads the flowchart code only.) The state
 * lives on globalThis because the Markdown plugin (loaded with the Astro config) and the pages
 * (loaded through Vite) import this module as two separate instances.
 */
interface DiagramBrowser {
  page: Promise<ChromiumPage>;
  /** Renders run one after another: each sets mermaid's configuration for its theme. */
  queue: Promise<unknown>;
  /** Renders asked for and not yet finished. */
  pending: number;
  idleTimer?: ReturnType<typeof setTimeout>;
}
const SHARED = Symbol.for('acftu-report.diagram-browser');
const BACKGROUND = Symbol.for('acftu-report.diagram-browser-in-background');
const UNKEPT = Symbol.for('acftu-report.unkept-drawings');
const shared = globalThis as typeof globalThis & { [SHARED]?: DiagramBrowser; [BACKGROUND]?: boolean; [UNKEPT]?: Set<string> };

/**
 * The keys of the drawings this process drew, or took from the cache, because the report does not
 * keep them (content/diagrams/): what `npm run diagrams:keep` would add after this build. On
 * globalThis, like the browser, so that both instances of this module count into one set.
 */
export function unkeptDrawings(): Set<string> {
  return (shared[UNKEPT] ??= new Set());
}

/**
 * Whether browsers started from now on draw at a lower CPU priority than this process
 * (src/lib/background-priority.ts): yes in a build, where drawing has time to spare until the
 * last page and the build's main thread has not; no in the preview, where an editor waits for it.
 */
export function drawInBackground(background: boolean): void {
  shared[BACKGROUND] = background;
}

/**
 * The browser is closed this long after the last render, for the dev server and scripts, which
 * render now and then; a build closes it as soon as its pages are written (src/integrations/diagrams.ts).
 */
const IDLE_MS = 15_000;

function diagramBrowser(executablePath: string, cacheDir: string): DiagramBrowser {
  if (shared[SHARED]) return shared[SHARED];
  const page = openPage({
    executablePath,
    url: pathToFileURL(renderPageFile(cacheDir)).href,
    readyWhen: 'globalThis.renderDiagram !== undefined',
    background: shared[BACKGROUND] === true,
  });
  // A failure to start is reported by the render that needs the browser, not as an unhandled rejection.
  page.catch(() => undefined);
  const state: DiagramBrowser = { page, queue: Promise.resolve(), pending: 0 };
  shared[SHARED] = state;
  return state;
}

/**
 * Debian's headless shell when installed (scripts/install-browser.sh installs it): the same Blink
 * as the full Chromium, so the same SVG byte for byte, started and run with half the CPU time.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const chromiumPath = (options: RenderOptions) =>
  options.executablePath ?? process.env.DIAGRAM_CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'));

/** Where rendered diagrams are kept between builds. */
export function diagramCacheDir(options: RenderOptions = {}): string {
  return options.cacheDir ?? process.env.DIAGRAM_CACHE_DIR ?? join(process.cwd(), 'node_modules/.cache/report-diagrams');
}

/**
 * Starts the shared browser and loads the drawing page now, so that the first drawing does not
 * wait for them (src/integrations/diagrams.ts: as a build begins).
 */
export function startDiagramBrowser(options: RenderOptions = {}): void {
  diagramBrowser(chromiumPath(options), diagramCacheDir(options));
}

/** The drawings kept with the report whose content is in `contentDir`: its `diagrams/` folder. */
export const keptDrawingsIn = (contentDir: string) => resolve(contentDir, 'diagrams');

/** The drawings kept with the report: `diagrams/` in the content folder (src/lib/content-folder.ts). */
export function keptDrawingsDir(options: RenderOptions = {}): string {
  return options.keptDir ?? keptDrawingsIn(contentFolder());
}

/**
 * How a drawing's file ends (its key before it). Nothing else in the cache ends so: the
 * drawing page is `.html`, and a file being written ends in `.tmp`.
 */
const DRAWING_FILE_SUFFIX = '.json';

/** The keys of the drawings in `dir` (none when there is no such folder). */
export function drawingKeysIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith(DRAWING_FILE_SUFFIX))
      .map((name) => name.slice(0, -DRAWING_FILE_SUFFIX.length));
  } catch {
    return [];
  }
}

/** Whether the report or the cache holds any drawing: when not, this build draws every diagram it shows. */
export function hasAnyDrawing(options: RenderOptions = {}): boolean {
  return drawingKeysIn(keptDrawingsDir(options)).length > 0 || drawingKeysIn(diagramCacheDir(options)).length > 0;
}

/** A drawing's file in `dir`: its key, then the suffix. */
export const drawingFile = (dir: string, key: string) => join(dir, `${key}${DRAWING_FILE_SUFFIX}`);

/** Closes the shared browser, if one was started. The build calls it when the pages are written. */
export async function closeDiagramBrowser(): Promise<void> {
  const state = shared[SHARED];
  if (!state) return;
  shared[SHARED] = undefined;
  clearTimeout(state.idleTimer);
  await state.queue.catch(() => undefined);
  await (await state.page.catch(() => undefined))?.close();
}

interface PageRender {
  svg?: string;
  title?: string;
  description?: string;
  error?: string;
}

/**
 * Mermaid writes coordinates to 15 digits and hand-drawn-style paths: svgo cuts a diagram by a
 * quarter (gzip). Ids are kept as they are (they are already unique per diagram and theme, and
 * are what aria-labelledby and the diagram's own CSS refer to). Two of svgo's default plugins
 * are left out because they match mermaid's large stylesheet against every element: on the
 * topics diagram they took 5 of its 6 seconds to save 0.7 % (gzip). One pass, not svgo's
 * multipass: on the home page's diagram (both themes) multipass took three times as long to
 * save 180 bytes gzip (3.7 %).
 *
 * svgo runs in the drawing page, not in Node: loading and first running it cost the build's
 * main thread, which writes the pages, 0.7 s; in Chromium it runs in a process of its own.
 */
const SVGO_CONFIG = {
  floatPrecision: 2,
  plugins: [{ name: 'preset-default', params: { overrides: { cleanupIds: false, removeHiddenElems: false, removeUnknownsAndDefaults: false } } }],
};

/** Nothing the drawing page does reaches the network: it runs local files and inline code only. */
const RENDER_PAGE_POLICY = "default-src 'none'; script-src file: 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/**
 * The page that draws: it imports mermaid and svgo and defines renderDiagram(), which renders
 * one diagram, reads its accessible title and description and shrinks it. Kept as source text,
 * not as a function handed to page.evaluate(): inside the dev server and the build, Vite
 * rewrites functions (imports, helpers) into code that does not exist in the browser.
 */
const RENDER_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${RENDER_PAGE_POLICY}"></head><body><script type="module">
import mermaid from '${MERMAID_MODULE}';
import { optimize } from '${SVGO_MODULE}';
globalThis.renderDiagram = async ({ code, config, id }) => {
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  container.style.cssText = 'max-height:0;opacity:0;overflow:hidden';
  document.body.append(container);
  try {
    mermaid.initialize(config);
    const drawn = (await mermaid.render(id, code, container)).svg;
    const element = new DOMParser().parseFromString(drawn, 'text/html').getElementsByTagName('svg')[0];
    const textOf = (attribute) => (element.getAttribute(attribute) ?? '').split(/\\s+/)
      .map((ref) => (ref ? (element.querySelector('#' + CSS.escape(ref))?.textContent ?? '') : '')).join('');
    const svg = optimize(new XMLSerializer().serializeToString(element), ${JSON.stringify(SVGO_CONFIG)}).data;
    return { svg, title: textOf('aria-labelledby') || undefined, description: textOf('aria-describedby') || undefined };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    container.remove();
  }
};
</script></body></html>`;

/** The drawing page, written next to the cached drawings (a page read from a file may import files). */
function renderPageFile(cacheDir: string): string {
  const file = join(cacheDir, `render-page-${RENDERING_VERSION}.html`);
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename: builds that share the folder may write it at once.
  writeFileSync(`${file}.${process.pid}.tmp`, RENDER_PAGE);
  renameSync(`${file}.${process.pid}.tmp`, file);
  return file;
}

async function renderInBrowser(code: string, theme: DiagramTheme, id: string, executablePath: string, cacheDir: string): Promise<PageRender> {
  const state = diagramBrowser(executablePath, cacheDir);
  clearTimeout(state.idleTimer);
  state.pending++;
  const call = `globalThis.renderDiagram(${JSON.stringify({ code, config: MERMAID_CONFIG[theme], id })})`;
  const result = state.queue.then(async () => (await state.page).evaluate<PageRender>(call));
  state.queue = result.catch(() => undefined);
  try {
    return await result;
  } finally {
    state.pending--;
    if (state.pending === 0 && shared[SHARED] === state) {
      state.idleTimer = setTimeout(() => void closeDiagramBrowser(), IDLE_MS);
      state.idleTimer.unref();
    }
  }
}

/** Counts browser renders, so tests can tell a cache hit from a render. */
export const renderStats = { rendered: 0, cached: 0 };

/**
 * The id of a drawing's SVG: unique to the diagram and theme (mermaid prefixes every id inside
 * with it), so several diagrams on one page, and both themes of one, never clash. It starts with
 * the drawing's key, which is how scripts/keep-diagrams.ts finds the drawings a built page shows.
 */
export const drawingId = (key: string, theme: DiagramTheme) => `d${key.slice(0, DRAWING_ID_KEY_LENGTH)}-${theme}`;
const DRAWING_ID_KEY_LENGTH = 10;
const DRAWING_ID = new RegExp(`^d([0-9a-f]{${DRAWING_ID_KEY_LENGTH}})-(?:light|dark)$`);

/** The start of the key of the drawing whose SVG has this id (drawingId), or undefined when the id is no drawing's. */
export const keyStartOfDrawingId = (id: string): string | undefined => DRAWING_ID.exec(id)?.[1];

/** A diagram's text with one kind of line ending: a checkout with CRLF (Windows) keeps the keys of the drawings. */
const withLf = (code: string) => code.replace(/\r\n?/g, '\n');

export function diagramKey(code: string, theme: DiagramTheme): string {
  return createHash('sha256')
    .update(JSON.stringify([RENDERING_VERSION, MERMAID_VERSION, theme, MERMAID_CONFIG[theme], withLf(code)]))
    .digest('hex');
}

/** Drawings under way, by cache file: two pages asking for one diagram at once share its drawing. */
const drawing = new Map<string, Promise<RenderedSvg>>();

export function renderMermaid(text: string, theme: DiagramTheme, options: RenderOptions = {}): Promise<RenderedSvg> {
  const code = withLf(text);
  const cached = drawingFile(diagramCacheDir(options), diagramKey(code, theme));
  let rendered = drawing.get(cached);
  if (!rendered) {
    rendered = renderOnce(code, theme, options, cached).finally(() => drawing.delete(cached));
    drawing.set(cached, rendered);
  }
  return rendered;
}

/** A kept drawing; one an editor's tools damaged (a merge, say) is an error, not drawn again behind their back. */
function readKeptDrawing(file: string): RenderedSvg {
  try {
    const drawing = JSON.parse(readFileSync(file, 'utf8')) as RenderedSvg;
    if (typeof drawing.svg === 'string' && drawing.svg.startsWith('<svg')) return drawing;
    throw new Error('it holds no SVG');
  } catch (error) {
    throw new Error(`${file} is not a drawing (${error instanceof Error ? error.message : String(error)}): delete it, then run npm run build && npm run diagrams:keep`);
  }
}

async function renderOnce(code: string, theme: DiagramTheme, options: RenderOptions, cached: string): Promise<RenderedSvg> {
  const cacheDir = diagramCacheDir(options);
  const key = diagramKey(code, theme);
  const kept = drawingFile(keptDrawingsDir(options), key);
  if (existsSync(kept)) {
    renderStats.cached++;
    return readKeptDrawing(kept);
  }
  unkeptDrawings().add(key);
  try {
    const hit = JSON.parse(readFileSync(cached, 'utf8')) as RenderedSvg;
    renderStats.cached++;
    return hit;
  } catch {
    // Not rendered before: render it now.
  }

  const result = await renderInBrowser(code, theme, drawingId(key, theme), chromiumPath(options), cacheDir);
  if (result.error !== undefined || result.svg === undefined) {
    throw new DiagramError(String(result.error).split('\n').slice(0, 6).join('\n'), code);
  }
  const { title, description } = result;
  const rendered: RenderedSvg = { svg: result.svg, ...(title ? { title } : {}), ...(description ? { description } : {}) };
  renderStats.rendered++;
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a build stopped half-way never leaves a truncated cache entry.
  writeFileSync(`${cached}.${process.pid}.tmp`, JSON.stringify(rendered));
  renameSync(`${cached}.${process.pid}.tmp`, cached);
  return rendered;
}
