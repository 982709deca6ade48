/**
 * A measure's rendered text made fit for the print page, where every measure shares one page:
 * the figure and correction marks keep their words and look but lose the page-local ids and
 * anchors (`#figure-1` means something else on each measure page). Markdown entries come with
 * their HTML, made fit here; an MDX entry is rendered on the print page with its links replaced
 * by src/components/PrintableLink.astro, by the same rules.
 */
import { render } from 'astro:content';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Measure, Section } from './report.ts';

const PAGE_LOCAL_ID = /^(?:figure|correction)-\d+(?:-in-text)?$/;

/** Whether an element's id means something on its measure's page only. */
export const isPageLocalId = (id: unknown) => typeof id === 'string' && PAGE_LOCAL_ID.test(id);

/** Whether a link is a figure or correction mark, which points into its measure's page. */
export const isPageLocalMark = (className: unknown) => {
  const classes = Array.isArray(className) ? className : String(className ?? '').split(/\s+/);
  return classes.includes('figure') || classes.includes('correction');
};

export function printableHtml(html: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node) => {
    if (isPageLocalId(node.properties.id)) delete node.properties.id;
    if (node.tagName === 'a' && isPageLocalMark(node.properties.className)) {
      node.tagName = 'span';
      delete node.properties.href;
    }
  });
  return toHtml(tree);
}

/**
 * An entry as the print page shows it: a Markdown entry's HTML, rendered when its entry was
 * read, made fit here; an MDX entry's Content, to render with PrintableLink for its links.
 */
export async function printableEntry(entry: Measure | Section): Promise<{ html?: string; Content?: Awaited<ReturnType<typeof render>>['Content'] }> {
  return entry.rendered ? { html: printableHtml(entry.rendered.html) } : { Content: (await render(entry)).Content };
}
