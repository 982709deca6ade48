/**
 * What in a page could run or load another document, found on its syntax tree (hast), with the
 * browser's reading of addresses: `on…` attributes; addresses (href, xlink:href, src, action,
 * formaction, data, poster, srcdoc …, and SVG animation values that set an address) whose scheme,
 * once character references are decoded (the parser does that) and spaces and control characters
 * dropped, is `javascript:`, `vbscript:` or `data:` (a picture `data:image/` in an <img src> is
 * allowed); `<script>` elements other than the site's own (`src` under `/_astro/` or a module the
 * site writes), `<iframe>`, `<object>`, `<embed>`, `<frame>`, `<base>`, `<meta http-equiv>` other than a policy
 * or the encoding (a refresh leads away).
 * Shared by the tests that scan built pages and sanitized fixtures.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const ADDRESS_PROPERTIES = new Set([
  'href',
  'xLinkHref',
  'src',
  'action',
  'formAction',
  'data',
  'poster',
  'srcDoc',
  'background',
  'cite',
  'longDesc',
  'ping',
  'manifest',
  'icon',
  'codeBase',
  'archive',
]);
const LOADERS = new Set(['iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'applet', 'portal']);

// biome-ignore lint/suspicious/noControlCharactersInRegex: a browser drops control characters and spaces from an address, so the scheme is read without them
const scheme = (value: string) => /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1].toLowerCase();

export interface Finding {
  element: string;
  what: string;
}

/**
 * Everything executable in a tree. `ownScript` says whether a script element is the site's own
 * (default: none is).
 */
export function executableMarkup(tree: Root | Element, ownScript: (script: Element) => boolean = () => false): Finding[] {
  const found: Finding[] = [];
  visit(tree, 'element', (element: Element) => {
    const name = element.tagName.toLowerCase();
    if (name === 'script' && !ownScript(element)) found.push({ element: name, what: 'a script' });
    if (LOADERS.has(name)) found.push({ element: name, what: 'loads another document' });
    const equiv = String(element.properties.httpEquiv ?? '').toLowerCase();
    if (name === 'meta' && equiv && !['content-security-policy', 'content-type'].includes(equiv)) found.push({ element: name, what: `http-equiv ${equiv}` });
    for (const [property, raw] of Object.entries(element.properties)) {
      const value = Array.isArray(raw) ? raw.join(' ') : String(raw);
      if (/^on/i.test(property)) found.push({ element: name, what: `${property}=${value}` });
      const isAddress = ADDRESS_PROPERTIES.has(property) || (['animate', 'set'].includes(name) && ['to', 'from', 'values', 'by'].includes(property));
      const s = isAddress ? scheme(value) : undefined;
      if (s === 'javascript' || s === 'vbscript' || (s === 'data' && !(name === 'img' && property === 'src' && /^data:image\/(?!svg)/i.test(value)))) {
        found.push({ element: name, what: `${property}=${value}` });
      }
    }
  });
  return found;
}
