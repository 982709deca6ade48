/**
 * rehype plugin: records the text a reader reads in an entry (src/pure/search/plain-text.ts) while
 * Astro renders it, in the entry's rendered frontmatter (`entry.rendered.metadata.frontmatter`,
 * Astro's channel from a plugin to the pages), which for a Markdown entry then holds only that.
 * The search, the open data and the indexes read it from there instead of parsing every rendered
 * entry again on every build, and it is kept in Astro's content cache with the rendering: an
 * unchanged entry is not read again.
 *
 * Run it after the remark plugins, on the tree that becomes the page (raw HTML has been shown as
 * text by remark-escape-html, so the tree holds everything the reader sees).
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { textOfHast } from '../../pure/search/plain-text.ts';

const FIELD = 'readerText';

export default function rehypeReaderText() {
  return (tree: Root, file: VFile) => {
    const astro = file.data.astro as { frontmatter?: Record<string, unknown> } | undefined;
    // Nothing to record into outside Astro's pipeline.
    if (!astro?.frontmatter) return;
    const text = textOfHast(tree);
    // Astro keeps the frontmatter handed to the plugins with each Markdown entry's rendering: a
    // second copy of what the pages read, validated by the schema, as entry.data. A build turns
    // the whole content store into one JavaScript module (serialized, bundled, compiled, parsed
    // again), so that copy cost every build; the record alone is kept (2 MB less at 5000
    // measures). An MDX entry keeps its frontmatter: @astrojs/mdx reads options such as
    // `layout` from it.
    if (file.extname === '.md') astro.frontmatter = { [FIELD]: text };
    else astro.frontmatter[FIELD] = text;
  };
}

/**
 * The text recorded as an entry was rendered, from the frontmatter the rendering left: a Markdown
 * entry's `entry.rendered.metadata.frontmatter`, an MDX entry's `remarkPluginFrontmatter` from
 * render(). Undefined if the rendering did not go through the plugin.
 */
export function recordedReaderText(frontmatter: unknown): string | undefined {
  const text = (frontmatter as Record<string, unknown> | undefined)?.[FIELD];
  return typeof text === 'string' ? text : undefined;
}
