/**
 * An entry's text survives the site's Markdown pipeline: for every entry in content/, each
 * paragraph the editor wrote comes out of the remark plugins of astro.config.mjs (escaping,
 * measure links, figure and correction marks), remark-rehype and rehype-raw with exactly the
 * same text. The marks add elements, never characters. Diagrams are not text and are left to
 * their own tests (the mermaid plugin renders in a browser).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import config from '../../../../astro.config.mjs';
import { ROOT } from '../../../support/paths.ts';

interface UnifiedProcessorOptions {
  options: { remarkPlugins: PluggableList; rehypePlugins: PluggableList };
}
const siteRemarkPlugins = (config.markdown!.processor as unknown as UnifiedProcessorOptions).options.remarkPlugins.filter(
  (p) => (Array.isArray(p) ? p[0] : (p as { name?: string })).name !== 'remarkMermaidDiagrams',
);

const pluginName = (p: PluggableList[number]) => (Array.isArray(p) ? p[0] : (p as { name?: string })).name;
const siteSanitizer = (config.markdown!.processor as unknown as UnifiedProcessorOptions).options.rehypePlugins.filter(
  (p) => pluginName(p) === 'rehypeSanitize',
);

/** What the editor wrote, paragraph by paragraph, as text (Markdown syntax such as link brackets removed). */
function writtenParagraphs(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const out: string[] = [];
  visit(tree, 'paragraph', (p: Paragraph) => {
    out.push(toString(p));
  });
  return out;
}

async function renderedParagraphs(markdown: string, path: string, frontmatter: Record<string, unknown>): Promise<string[]> {
  const file = new VFile({ value: markdown, path, data: { astro: { frontmatter } } });
  const html = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(siteRemarkPlugins)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeStringify)
    .process(file);
  return selectAll('p', fromHtml(String(html), { fragment: true }) as HastRoot).map((p) => toText(p));
}

function entriesIn(folder: string) {
  const dir = join(ROOT, 'content', folder);
  return readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const [, yaml, body] = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text)!;
      return { name: `${folder}/${name}`, path: join(dir, name), frontmatter: parse(yaml) as Record<string, unknown>, body };
    });
}

const ENTRIES = [...entriesIn('measures'), ...entriesIn('sections')];

describe('the site Markdown pipeline', () => {
  it('runs the plugins of astro.config.mjs, escaping first', () => {
    const names = siteRemarkPlugins.map((p) => (Array.isArray(p) ? p[0] : (p as { name?: string })).name);
    expect(names[0]).toBe('remarkEscapeHtml');
    expect(names).toEqual(expect.arrayContaining(['remarkFigureLinks', 'remarkCorrectionMarks', 'remarkMeasureLinks']));
  });

  it.each(ENTRIES.map((e) => [e.name, e] as const))('gives back the text of %s unchanged', async (_name, entry) => {
    const written = writtenParagraphs(entry.body);
    expect(written.length).toBeGreaterThan(0);
    expect(await renderedParagraphs(entry.body, entry.path, entry.frontmatter)).toEqual(written);
  });

  it('gives back raw HTML an editor typed as the same text, and no element', async () => {
    const body = '正文 <b>加粗</b> 与 <script>alert(1)</script>。\n\n<div onclick="x()">块</div>\n';
    const rendered = await renderedParagraphs(body, join(ROOT, 'content/measures/99.md'), { figures: [], corrections: [] });
    expect(rendered).toEqual(['正文 <b>加粗</b> 与 <script>alert(1)</script>。', '<div onclick="x()">块</div>']);
  });

  it.each(ENTRIES.map((e) => [e.name, e] as const))(
    'passes the sanitizer of astro.config.mjs with every element and attribute of %s kept',
    async (_name, entry) => {
      const html = async (sanitize: boolean) => {
        const file = new VFile({ value: entry.body, path: entry.path, data: { astro: { frontmatter: entry.frontmatter } } });
        const processor = unified().use(remarkParse).use(remarkGfm).use(siteRemarkPlugins).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
        return String(
          await processor
            .use(sanitize ? siteSanitizer : [])
            .use(rehypeStringify)
            .process(file),
        );
      };
      expect(siteSanitizer).toHaveLength(1);
      const unsanitized = await html(false);
      expect(await html(true)).toBe(unsanitized);
    },
  );
});
