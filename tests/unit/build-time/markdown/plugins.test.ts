/**
 * Each remark plugin run in a tiny pipeline over its fixture folders: `input.md` or `input.mdx`
 * (frontmatter as Astro hands it to plugins, then Markdown or MDX) must give exactly `output.html`. The rehype plugin
 * that records the reader's text must record exactly `output.txt`, which is also what the
 * rendered page reads as (textOfHast over the page's HTML).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import remarkCorrectionMarks from '../../../../src/build-time/markdown/remark-correction-marks.ts';
import remarkEscapeHtml from '../../../../src/build-time/markdown/remark-escape-html.ts';
import remarkFigureLinks from '../../../../src/build-time/markdown/remark-figure-links.ts';
import remarkMeasureLinks from '../../../../src/build-time/markdown/remark-measure-links.ts';
import rehypeReaderText, { recordedReaderText } from '../../../../src/build-time/markdown/rehype-reader-text.ts';
import { textOfHast } from '../../../../src/pure/search/plain-text.ts';
import { ROOT } from '../../../support/paths.ts';

const plugins: Record<string, Plugin<[], import('mdast').Root>> = {
  'remark-figure-links': remarkFigureLinks,
  'remark-correction-marks': remarkCorrectionMarks,
  // Links resolve against the fixture folder, which holds the entries they point at.
  'remark-measure-links': remarkMeasureLinks,
  // Raw HTML goes through as Astro passes it (allowDangerousHtml, then rehype-raw): shown as text.
  'remark-escape-html': remarkEscapeHtml,
};

/** MDX's own nodes, which remark-rehype passes on as they are: rehype-stringify fails on any left. */
const MDX_NODES = ['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement'];

async function render(plugin: Plugin<[], import('mdast').Root>, input: string, path: string): Promise<string> {
  const [, yaml, markdown] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(input)!;
  const file = new VFile({ value: markdown, path, data: { astro: { frontmatter: parse(yaml) } } });
  const mdx = path.endsWith('.mdx');
  // As Astro's pipeline: raw HTML is kept by remark-rehype and parsed by rehype-raw; MDX's nodes are passed through.
  const out = await unified()
    .use(remarkParse)
    .use(mdx ? [remarkMdx] : [])
    .use(plugin)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: MDX_NODES } as RemarkRehypeOptions)
    .use(mdx ? [] : [rehypeRaw])
    .use(rehypeStringify)
    .process(file);
  return String(out);
}

for (const [name, plugin] of Object.entries(plugins)) {
  const dir = join(ROOT, 'tests/fixtures', name);
  describe(name, () => {
    it.each(readdirSync(dir))('%s', async (fixture) => {
      const input = readdirSync(join(dir, fixture)).find((f) => f.startsWith('input.'))!;
      const path = join(dir, fixture, input);
      const expected = readFileSync(join(dir, fixture, 'output.html'), 'utf8');
      expect(await render(plugin, readFileSync(path, 'utf8'), path)).toBe(expected.trim());
    });
  });
}

describe('rehype-reader-text', () => {
  const dir = join(ROOT, 'tests/fixtures/rehype-reader-text');
  it.each(readdirSync(dir))('%s', async (fixture) => {
    const path = join(dir, fixture, 'input.md');
    const [, yaml, markdown] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(path, 'utf8'))!;
    const frontmatter = parse(yaml) as Record<string, unknown>;
    const file = new VFile({ value: markdown, path, data: { astro: { frontmatter } } });
    // As Astro's pipeline runs it: after the site's remark plugins (here the one that changes text), before rehype-raw.
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkEscapeHtml)
        .use(remarkRehype, { allowDangerousHtml: true })
        .use(rehypeReaderText)
        .use(rehypeRaw)
        .use(rehypeStringify)
        .process(file),
    );
    // Astro keeps what the pipeline leaves in file.data.astro.frontmatter as the rendering's metadata.
    const recorded = recordedReaderText((file.data.astro as { frontmatter: unknown }).frontmatter);
    expect(recorded).toBe(readFileSync(join(dir, fixture, 'output.txt'), 'utf8').trimEnd());
    expect(recorded).toBe(textOfHast(fromHtml(html, { fragment: true })));
  });

  it('leaves only the record in a Markdown entry’s rendered frontmatter, and keeps an MDX entry’s frontmatter', async () => {
    const render = async (path: string) => {
      const file = new VFile({ value: '正文。', path, data: { astro: { frontmatter: { number: 1, title: '措施', figures: [] } } } });
      await unified().use(remarkParse).use(remarkRehype).use(rehypeReaderText).use(rehypeStringify).process(file);
      return (file.data.astro as { frontmatter: unknown }).frontmatter;
    };
    expect(await render('/content/measures/01.md')).toEqual({ readerText: '正文。' });
    expect(await render('/content/measures/01.mdx')).toEqual({ number: 1, title: '措施', figures: [], readerText: '正文。' });
  });

  it('records nothing outside Astro’s pipeline (no frontmatter to record into)', async () => {
    const file = new VFile({ value: '正文。' });
    await unified().use(remarkParse).use(remarkRehype).use(rehypeReaderText).use(rehypeStringify).process(file);
    expect(file.data).toEqual({});
  });
});
