/**
 * remark plugin: what an entry may put on a page, on the Markdown tree, before any other plugin.
 * An entry is the source's words, and content, never code:
 *
 * - Raw HTML is shown as text, never passed to the page: `<b>`, `<br>` or a pasted `<script>`
 *   in an entry is text the editor typed, and a reader sees it as typed.
 * - Links, link reference definitions and images keep only the addresses of
 *   src/pure/rules/addresses.ts (web, mail, site and relative ones): a `javascript:` or `data:` link
 *   becomes its plain text, an image its alternative text, and so do references to such a
 *   definition (`[文字][x]` with `[x]: javascript:…`).
 * - In MDX, only the elements of src/pure/rules/mdx-allowlist.ts stay, with their allowed attributes
 *   written as text, made plain elements; imports, exports, `{…}` expressions and every other
 *   element are removed with what they hold, so no code of an entry reaches the compiled page.
 *
 * The entry checks report all of these, so a build never gets here with them: this is the
 * second wall, with rehype-sanitize after it (src/pure/rules/sanitize-schema.ts). Run it first
 * among the remark plugins: the site's own plugins add their markup (figure links, diagrams)
 * after it, and that markup is not touched.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { isPublishableAddress } from '../../pure/rules/addresses.ts';
import { isAllowedAttribute, isAllowedElement } from '../../pure/rules/mdx-allowlist.ts';

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'mdxJsxFlowElement']);

/** MDX's nodes that hold code: never published. */
const CODE_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

export default function remarkEscapeHtml() {
  return (tree: Root) => {
    // References to a definition whose address is refused read as their text, as such a link does.
    const refused = new Set<string>();
    visit(tree, 'definition', (node) => {
      if (!isPublishableAddress(node.url)) refused.add(node.identifier);
    });
    visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return undefined;

      if (node.type === 'html') {
        const text = { type: 'text' as const, value: node.value, position: node.position };
        // Block HTML stands where a paragraph would: it becomes one, so it reads as a paragraph of text.
        parent.children[index] = (FLOW_PARENTS.has(parent.type) ? { type: 'paragraph', children: [text], position: node.position } : text) as RootContent;
        return SKIP;
      }

      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isPublishableAddress(node.url)) {
        if (node.type === 'link') {
          parent.children.splice(index, 1, ...node.children);
          return index;
        }
        if (node.type === 'image') parent.children[index] = { type: 'text', value: node.alt ?? '' } as RootContent;
        else node.url = '';
        return SKIP;
      }

      if ((node.type === 'linkReference' || node.type === 'imageReference') && refused.has(node.identifier)) {
        if (node.type === 'linkReference') {
          parent.children.splice(index, 1, ...node.children);
          return index;
        }
        parent.children[index] = { type: 'text', value: node.alt ?? '' } as RootContent;
        return SKIP;
      }

      if (CODE_NODES.has(node.type)) {
        parent.children.splice(index, 1);
        return index;
      }

      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const name = node.name;
        if (!isAllowedElement(name)) {
          parent.children.splice(index, 1);
          return index;
        }
        // An allowed element becomes a plain element with its allowed attributes written as text.
        const properties: Record<string, string | true> = {};
        for (const a of node.attributes as JsxAttribute[]) {
          if (a.type !== 'mdxJsxAttribute' || !a.name || !isAllowedAttribute(name, a.name)) continue;
          if (typeof a.value === 'string') properties[a.name] = a.value;
          else if (a.value === null || a.value === undefined) properties[a.name] = true;
        }
        parent.children[index] = {
          type: 'entryElement',
          position: node.position,
          data: { hName: name, hProperties: properties },
          children: node.children,
        } as unknown as RootContent;
        return undefined;
      }
      return undefined;
    });
  };
}
