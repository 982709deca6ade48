/**
 * A measure's rendered text made fit for the print page, where every measure shares one page:
 * the figure and correction marks keep their words and look but lose the page-local ids and
 * anchors (`#figure-1` means something else on each measure page).
 */
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

const PAGE_LOCAL_ID = /^(?:figure|correction)-\d+(?:-in-text)?$/;

export function printableHtml(html: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string' && PAGE_LOCAL_ID.test(node.properties.id)) delete node.properties.id;
    const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
    if (node.tagName === 'a' && (classes.includes('figure') || classes.includes('correction'))) {
      node.tagName = 'span';
      delete node.properties.href;
    }
  });
  return toHtml(tree);
}
