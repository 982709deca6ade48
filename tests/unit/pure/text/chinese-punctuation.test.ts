/**
 * The one punctuation mapping of the reading pages: the pure function on strings, and the rehype
 * plugin over its fixture folders (`input.md`, run through the site's marking plugins as Astro
 * runs them, must give exactly `output.html`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import rehypeChinesePunctuation from '../../../../src/build-time/markdown/rehype-chinese-punctuation.ts';
import remarkCorrectionMarks from '../../../../src/build-time/markdown/remark-correction-marks.ts';
import remarkFigureLinks from '../../../../src/build-time/markdown/remark-figure-links.ts';
import { chinesePunctuation } from '../../../../src/pure/text/chinese-punctuation.ts';
import { SOURCE_TEXT } from '../../../support/source-text.ts';
import { ROOT } from '../../../support/paths.ts';

describe('chinesePunctuation', () => {
  it.each([
    ['commas in Chinese', '组建宣传组,统筹报、网、端、微等', '组建宣传组，统筹报、网、端、微等'],
    ['brackets around a year span', '《纲要(2017—2020年)》,', '《纲要（2017—2020年）》，'],
    ['a heading number', '(三)落实主体责任,确保整改实效。', '（三）落实主体责任，确保整改实效。'],
    ['semicolon and colon', '专题调研;主题为“爱岗敬业:成就平凡”', '专题调研；主题为“爱岗敬业：成就平凡”'],
    ['after a figure', '超过1.2亿人,其中', '超过1.2亿人，其中'],
    ['after Latin, before Chinese', '工人日报APP,覆盖用户', '工人日报APP，覆盖用户'],
    ['Latin in brackets in Chinese', '下载APP(Android)版', '下载APP（Android）版'],
    ['brackets holding Chinese after Latin', 'APP(安卓版)', 'APP（安卓版）'],
    ['nested brackets', '(含(专职)指导员)', '（含（专职）指导员）'],
    ['spaces skipped to find the neighbour', '宣传 works ,下一句', '宣传 works ，下一句'],
    ['an ideograph beyond the BMP as a neighbour', '𠀀,字 (𠀀)', '𠀀，字 （𠀀）'],
  ])('%s', (_, input, output) => expect(chinesePunctuation(input)).toBe(output));

  it.each([
    ['a number with thousands', '1,200'],
    ['a time', '10:30'],
    ['a number in Chinese', '共1,200人'],
    ['Latin prose', 'Latin text, (with brackets) and a colon: stays.'],
    ['text without ASCII marks', '已经全面上线。'],
    ['a web address', 'https://example.org/?q=1'],
    ['lone marks at the edges', ', ('],
  ])('leaves %s alone', (_, input) => expect(chinesePunctuation(input)).toBe(input));

  it('maps a lone bracket by its neighbours', () => {
    expect(chinesePunctuation('见上文)。')).toBe('见上文）。');
    expect(chinesePunctuation('(下转')).toBe('（下转');
  });

  it('changes one character for one, and is a fixed point on its own output', () => {
    const mapped = chinesePunctuation(SOURCE_TEXT);
    expect(mapped.length).toBe(SOURCE_TEXT.length);
    expect(chinesePunctuation(mapped)).toBe(mapped);
  });

  it('turns every ASCII comma, bracket, colon and semicolon of the source into Chinese punctuation', () => {
    const count = (text: string, chars: RegExp) => text.match(chars)?.length ?? 0;
    expect(count(SOURCE_TEXT, /,/g)).toBe(322);
    const mapped = chinesePunctuation(SOURCE_TEXT);
    expect(count(mapped, /[,;:()]/g)).toBe(0);
    expect(count(mapped, /，/g)).toBe(322);
    expect(count(mapped, /（/g)).toBe(count(SOURCE_TEXT, /\(/g));
  });
});

async function render(input: string, path: string): Promise<string> {
  const [, yaml, markdown] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(input)!;
  const file = new VFile({ value: markdown, path, data: { astro: { frontmatter: parse(yaml) } } });
  return String(
    await unified()
      .use(remarkParse)
      .use(remarkFigureLinks)
      .use(remarkCorrectionMarks)
      .use(remarkRehype)
      .use(rehypeChinesePunctuation)
      .use(rehypeStringify)
      .process(file),
  );
}

describe('rehype-chinese-punctuation', () => {
  const dir = join(ROOT, 'tests/fixtures/rehype-chinese-punctuation');
  it.each(readdirSync(dir))('%s', async (fixture) => {
    const path = join(dir, fixture, 'input.md');
    const expected = readFileSync(join(dir, fixture, 'output.html'), 'utf8');
    expect(await render(readFileSync(path, 'utf8'), path)).toBe(expected.trim());
  });
});
