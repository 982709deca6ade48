/**
 * remark plugin: raw HTML in an entry is shown as text, never passed to the page. An entry is
 * the source's words; `<b>`, `<br>` or a pasted `<script>` in it is text the editor typed, and a
 * reader sees it as typed. Links keep only safe addresses (web, mail, telephone, in-site and
 * relative ones): a `javascript:` or `data:` link becomes its plain text.
 *
 * In MDX, where tags are components rather than raw HTML, elements that run code or load
 * other pages (`<script>`, `<iframe>` …) are removed, and so are `on…` event attributes; the
 * entry checks report both as errors, so a build never gets here with them.
 *
 * Run it first among the remark plugins: the site's own plugins add their markup (figure
 * links, diagrams) after it, and that markup is not touched.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

/** Elements that run code or pull in other pages: never allowed in an entry, even in MDX. */
export const UNSAFE_ELEMENTS = ['script', 'style', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'meta', 'link', 'form'];

/** Whether a link address is safe to publish: no scheme (relative, `#…`, `/…`) or http(s), mailto, tel. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme (`java\tscript:`).
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return !scheme || ['http', 'https', 'mailto', 'tel'].includes(scheme[1].toLowerCase());
}

/** JSX attributes that hold an address. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'srcset']);

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'mdxJsxFlowElement']);

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

export default function remarkEscapeHtml() {
  return (tree: Root) => {
    visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return undefined;

      if (node.type === 'html') {
        const text = { type: 'text' as const, value: node.value, position: node.position };
        // Block HTML stands where a paragraph would: it becomes one, so it reads as a paragraph of text.
        parent.children[index] = (FLOW_PARENTS.has(parent.type) ? { type: 'paragraph', children: [text], position: node.position } : text) as RootContent;
        return SKIP;
      }

      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isSafeUrl(node.url)) {
        if (node.type === 'link') {
          parent.children.splice(index, 1, ...node.children);
          return index;
        }
        if (node.type === 'image') parent.children[index] = { type: 'text', value: node.alt ?? '' } as RootContent;
        else node.url = '';
        return SKIP;
      }

      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        if (UNSAFE_ELEMENTS.includes((node.name ?? '').toLowerCase())) {
          parent.children.splice(index, 1);
          return index;
        }
        node.attributes = (node.attributes as JsxAttribute[]).filter(
          (a) =>
            !(
              a.type === 'mdxJsxAttribute' &&
              (/^on/i.test(a.name ?? '') || (URL_ATTRIBUTES.has((a.name ?? '').toLowerCase()) && typeof a.value === 'string' && !isSafeUrl(a.value)))
            ),
        ) as typeof node.attributes;
      }
      return undefined;
    });
  };
}
