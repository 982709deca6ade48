/** Reading the built site as a reader's browser would get it: files, parsed HTML, visible text. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { TEST_SITE_DIR } from './paths.ts';

/** The file a URL path is served from: `/measures/07/` → `measures/07/index.html`. */
export function fileOf(urlPath: string): string {
  const clean = decodeURI(urlPath.split(/[?#]/)[0]);
  return join(TEST_SITE_DIR, clean.endsWith('/') ? `${clean}index.html` : clean);
}

export function pageExists(urlPath: string): boolean {
  return existsSync(fileOf(urlPath));
}

export function readHtml(urlPath: string): string {
  return readFileSync(fileOf(urlPath), 'utf8');
}

export function readPage(urlPath: string): Root {
  return fromHtml(readHtml(urlPath));
}

export { select, selectAll };

/** The text of an element as rendered, with CSS-hidden decorations left out by the caller. */
export function textOf(node: Root | Element | undefined): string {
  if (!node) throw new Error('textOf: no such element');
  return toText(node);
}

/** The URL path of every HTML page of the built site: `/`, `/measures/07/`, `/404.html` …, sorted. */
export function builtPages(): string[] {
  return readdirSync(TEST_SITE_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${f}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}
