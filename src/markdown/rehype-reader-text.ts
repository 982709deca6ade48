/**
 * rehype plugin: records the text a reader reads in an entry (src/search/plain-text.ts) while
 * Astro renders it, in the entry's rendered frontmatter (`entry.rendered.metadata.frontmatter`,
 * Astro's channel from a plugin to the pages). The search, the open data and the indexes read
 * it from there instead of parsing every rendered entry again on every build, and it is kept in
 * Astro's content cache with the rendering: an unchanged entry is not read again.
 *
 * Run it after the remark plugins, on the tree that becomes the page (raw HTML has been shown as
 * text by remark-escape-html, so the tree holds everything the reader sees).
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { textOfHast } from '../search/plain-text.ts';

const FIELD = 'readerText';

export default function rehypeReaderText() {
  return (tree: Root, file: VFile) => {
    const astro = file.data.astro as { frontmatter?: Record<string, unknown> } | undefined;
    // Nothing to record into outside Astro's pipeline.
    if (!astro?.frontmatter) return;
    astro.frontmatter[FIELD] = textOfHast(tree);
  };
}

/** The text recorded for a rendered entry, if its rendering went through the plugin. */
export function recordedReaderText(rendered: { metadata?: Record<string, unknown> } | undefined): string | undefined {
  const frontmatter = rendered?.metadata?.frontmatter as Record<string, unknown> | undefined;
  const text = frontmatter?.[FIELD];
  return typeof text === 'string' ? text : undefined;
}
