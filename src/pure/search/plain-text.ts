/**
 * The text of a measure as a reader sees it on its page, one paragraph per line: the text of
 * the entry's rendered body (what the page's <Content /> shows), so every Markdown plugin of the
 * site is honoured. Figures (the editorial diagrams), preformatted blocks and scripts are not
 * the measure's text and are left out; a link keeps its words. Runs at build time only.
 */
import type { Element, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Root as MdastRoot } from 'mdast';
import { toString } from 'mdast-util-to-string';

const TEXT_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd']);
const SKIPPED = new Set(['figure', 'pre', 'svg', 'script', 'style', 'template', 'table', 'aside']);

const line = (text: string) => text.replace(/\s*\n\s*/g, '').trim();

/** Plain text of an HTML syntax tree (rendered, or about to be: rehype-reader-text.ts): each paragraph or heading on its own line. */
export function textOfHast(tree: Root): string {
  const lines: string[] = [];
  const visit = (node: RootContent | Element) => {
    if (node.type !== 'element') return;
    if (SKIPPED.has(node.tagName)) return;
    const blockChildren = node.children.some((c) => c.type === 'element' && (TEXT_BLOCKS.has(c.tagName) || c.tagName === 'ul' || c.tagName === 'ol'));
    if (TEXT_BLOCKS.has(node.tagName) || (node.tagName === 'li' && !blockChildren)) {
      const text = line(toText(node));
      if (text) lines.push(text);
      return;
    }
    for (const child of node.children) visit(child);
  };
  for (const child of tree.children) visit(child);
  return lines.join('\n');
}

/**
 * Plain text of a Markdown syntax tree, paragraph by paragraph as textOfHast gives it for the
 * rendered page: an entry's text read from its source, before anything is rendered.
 */
export function textOfMdast(tree: MdastRoot): string {
  const lines: string[] = [];
  const visit = (node: MdastRoot['children'][number]) => {
    if (node.type === 'code' || node.type === 'html' || node.type === 'definition') return;
    if (node.type === 'paragraph' || node.type === 'heading') {
      const text = line(toString(node));
      if (text) lines.push(text);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as MdastRoot['children'][number]);
  };
  for (const child of tree.children) visit(child);
  return lines.join('\n');
}
