/**
 * The page the browser draws in: it imports mermaid and svgo from their files and defines
 * `renderDiagram()`, which draws one diagram, reads its accessible title and description, and
 * shrinks it. Written to a file next to the cached drawings (a page read from a file may import
 * files), and kept as source text, not as a function handed to the browser: inside the dev server
 * and the build, Vite rewrites functions (imports, helpers) into code that does not exist there.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RENDERING_VERSION } from './drawing-keys.ts';
import { writeWhole } from './drawing-files.ts';

const require = createRequire(import.meta.url);
/** mermaid's ES module build: the page loads the core and then only the chunks a diagram type needs. */
const MERMAID_MODULE = pathToFileURL(require.resolve('mermaid/dist/mermaid.esm.min.mjs')).href;
/** svgo's browser build: the same svgo as in Node, run in the page (see SVGO_CONFIG). */
const SVGO_MODULE = pathToFileURL(join(dirname(require.resolve('svgo')), 'svgo.browser.js')).href;

/**
 * Mermaid writes coordinates to 15 digits and hand-drawn-style paths: svgo cuts a diagram by a
 * quarter (gzip). Ids are kept as they are (they are already unique per diagram and theme, and
 * are what aria-labelledby and the diagram's own CSS refer to). Left out: the two default
 * plugins that match mermaid's large stylesheet against every element, and multipass, which
 * cost far more time than they saved bytes (docs/performance.md).
 */
const SVGO_CONFIG = {
  floatPrecision: 2,
  plugins: [{ name: 'preset-default', params: { overrides: { cleanupIds: false, removeHiddenElems: false, removeUnknownsAndDefaults: false } } }],
};

/** Nothing the drawing page does reaches the network: it runs local files and inline code only. */
const PAGE_POLICY = "default-src 'none'; script-src file: 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** An expression that is true once the page can draw. */
export const PAGE_READY = 'globalThis.renderDiagram !== undefined';

/** What `renderDiagram()` answers: the drawing, or mermaid's message. */
export interface PageDrawing {
  svg?: string;
  title?: string;
  description?: string;
  error?: string;
}

/** The expression that draws `code` in the page with mermaid's `config`, its SVG's id `id`. */
export const drawCall = (code: string, config: Record<string, unknown>, id: string) => `globalThis.renderDiagram(${JSON.stringify({ code, config, id })})`;

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}"></head><body><script type="module">
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

/** Writes the drawing page into `dir` and returns its address. */
export function writeDrawingPage(dir: string): string {
  const file = join(dir, `render-page-${RENDERING_VERSION}.html`);
  writeWhole(file, PAGE);
  return pathToFileURL(file).href;
}
