/**
 * Author errors found by the Markdown plugins carry the entry's file and the line in that file
 * (not in the body Astro hands over), with a message an editor can act on.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import remarkMeasureLinks from '../../../../src/build-time/markdown/remark-measure-links.ts';

const dir = mkdtempSync(join(tmpdir(), 'plugin-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes an entry and processes its body the way Astro does: frontmatter stripped. */
async function processEntry(name: string, frontmatter: string, body: string) {
  const path = join(dir, name);
  writeFileSync(path, `---\n${frontmatter}\n---\n\n${body}`);
  const file = new VFile({ path, value: body });
  return unified().use(remarkParse).use(remarkMeasureLinks).use(remarkRehype).use(rehypeStringify).process(file);
}

describe('remark-measure-links', () => {
  writeFileSync(join(dir, '06.md'), '---\nnumber: 6\n---\n\n正文。\n');

  it('fails on a link to a missing entry, at the line of the link in the file', async () => {
    const error = await processEntry('20.md', 'number: 20\ntitle: 标题', '第一段。\n\n第二段推动[百人以上企业建会](66.md)工作。\n').then(
      () => undefined,
      (e) => e,
    );
    expect(error?.reason).toBe('link "66.md" links to 66.md, which does not exist');
    expect(error?.file).toBe(join(dir, '20.md'));
    // 4 lines of frontmatter and a blank line, then the body: its line 3 is the file's line 8.
    expect(error?.line).toBe(8);
    expect(error?.column).toBe(6);
  });

  it('fails on a link to a heading the entry does not have', async () => {
    const error = await processEntry('21.md', 'number: 21', '见[（6）](06.md#不存在)。\n').then(
      () => undefined,
      (e) => e,
    );
    expect(error?.reason).toBe('link "06.md#不存在" links to heading #不存在 in 06.md, which has no such heading');
    expect(error?.line).toBe(5);
  });

  it('passes a link to an existing entry', async () => {
    const out = await processEntry('22.md', 'number: 22', '见[（6）](06.md)。\n');
    expect(String(out)).toBe('<p>见<a href="/measures/06/">（6）</a>。</p>');
  });
});
