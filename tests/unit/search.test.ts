/**
 * Exact search: folding, query parsing, matching, ranking, facet counts, passages, the parts of
 * a query, and the text a measure is searched by. Checked against a ground truth written
 * independently (String.normalize('NFKC')), on hand-made texts and on the real entries.
 */
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Root as MdastRoot } from 'mdast';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { ExactIndex, occurrences, passage, type Selection } from '../../src/search/engine.ts';
import { FOLDABLE, foldText, foldUnit, MAX_QUERY_LENGTH, originalIndex, parseQuery } from '../../src/search/normalize.ts';
import { subWords } from '../../src/search/parts.ts';
import { textOfHast, textOfMdast } from '../../src/search/plain-text.ts';
import type { SearchDoc, SearchTexts } from '../../src/search/texts.ts';
import { STATUSES, TOPICS } from '../../src/model/vocabulary.ts';
import { readMeasureEntries } from '../support/entries.ts';
import { markdownParser, mdxParser } from '../../src/checks/markdown.ts';

/** The benchmark's definition of "holds the query", written without the module under test. */
function truthHolds(text: string, query: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u30fb\uff65\u2027\u2219\u22c5\u2022]/g, '·')
      .replace(/[\u2010-\u2015\u2212\ufe58\ufe63]/g, '-');
  const paragraphs = fold(text)
    .split('\n')
    .map((p) => p.replace(/[^\S\n]|\u200b|\ufeff/g, ''));
  const words = fold(query).split(/\s+/).filter(Boolean);
  return words.every((w) => paragraphs.some((p) => p.includes(w)));
}

const statuses = STATUSES.map((s) => ({ label: s.label, slug: s.slug }));
const topics = TOPICS.map((t) => t.label);

function texts(docs: Partial<SearchDoc>[]): SearchTexts {
  return {
    format: 1,
    statuses,
    topics,
    docs: docs.map((d, i) => ({ n: i + 1, url: `/measures/${i + 1}/`, title: `标题${i + 1}`, status: 0, topics: [], text: '', ...d })),
  };
}

const none: Selection = { statuses: new Set(), topics: new Set() };
const numbers = (index: ExactIndex, query: string, selection = none) => index.search(parseQuery(query).terms, selection).shown.map((m) => m.doc.n);

describe('folding', () => {
  it('maps full-width forms to ASCII, ignores Latin case, unifies dots and dashes', () => {
    expect(foldText('（征求意见稿），５７％ＡＰＰ').folded).toBe('(征求意见稿),57%app');
    expect(foldText('10・29 10･29 10·29').folded).toBe('10·2910·2910·29');
    expect(foldText('2017—2020 2017–2020').folded).toBe('2017-20202017-2020');
    expect(foldUnit('建'.charCodeAt(0))).toBe('建'.charCodeAt(0));
  });

  it('removes spaces, keeps line breaks, and maps positions back to the original', () => {
    const { folded, gaps } = foldText('决胜小康 奋斗有我\n第二段　文字');
    expect(folded).toBe('决胜小康奋斗有我\n第二段文字');
    const at = folded.indexOf('奋斗');
    expect('决胜小康 奋斗有我'.slice(originalIndex(gaps, at), originalIndex(gaps, at + 1) + 1)).toBe('奋斗');
    const second = folded.indexOf('文字');
    expect('决胜小康 奋斗有我\n第二段　文字'.slice(originalIndex(gaps, second))).toBe('文字');
  });

  it('knows which units fold without folding them (the fast path agrees with foldUnit)', () => {
    const disagree: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (FOLDABLE.test(String.fromCharCode(c)) !== (foldUnit(c) !== c)) disagree.push(c.toString(16));
    }
    expect(disagree).toEqual([]);
  });

  it('leaves a text with nothing to fold as it is', () => {
    const text = '推进完善社会救助和帮扶体系。';
    expect(foldText(text)).toEqual({ folded: text, gaps: [] });
  });
});

describe('queries', () => {
  it('splits words on spaces, folds them, drops repeats', () => {
    expect(parseQuery('  建会　入会 建会 ').terms).toEqual(['建会', '入会']);
    expect(parseQuery('ＡＰＰ').terms).toEqual(['app']);
    expect(parseQuery('ＡＰＰ').display).toEqual(['ＡＰＰ']);
  });

  it('treats a query in ASCII double quotes as one phrase, Chinese quotes as text', () => {
    expect(parseQuery('"小康 奋斗"').terms).toEqual(['小康奋斗']);
    expect(parseQuery('“六稳”').terms).toEqual(['“六稳”']);
  });

  it('cuts an overlong query', () => {
    expect(parseQuery('字'.repeat(200)).text).toHaveLength(MAX_QUERY_LENGTH);
    expect(parseQuery('   ').terms).toEqual([]);
  });
});

describe('exact matching', () => {
  const index = new ExactIndex(
    texts([
      { text: '以百人以上房产中介龙头企业建会为重点,以点带面带动其他企业建会。', status: 1, topics: [2] },
      { text: '组建工会,发展会员。会员入会。', status: 0, topics: [2, 9] },
      { text: '出版《绿色生态工匠》。\n工作要点', status: 1, topics: [1] },
      { title: '建会入会', text: '建会入会。集中入会仪式', status: 2, topics: [2] },
      { text: '手机APP申请入会,占比不少于57%,超过1.2亿人,10·29重要讲话', status: 3 },
    ]),
  );

  it('finds 建会 only where the two characters stand together', () => {
    expect(numbers(index, '建会').sort()).toEqual([1, 4]);
  });

  it('finds a single character inside a longer word', () => {
    expect(numbers(index, '匠')).toEqual([3]);
  });

  it('finds nothing for an absent word, even when its characters occur', () => {
    expect(numbers(index, '高铁')).toEqual([]);
    expect(numbers(index, '工点')).toEqual([]);
  });

  it('never matches across paragraphs', () => {
    expect(numbers(index, '》。工作')).toEqual([]);
    expect(numbers(index, '》。 工作')).toEqual([3]);
  });

  it('handles numbers, symbols and Latin words, in either width and case', () => {
    expect(numbers(index, '1.2亿')).toEqual([5]);
    expect(numbers(index, '１．２亿')).toEqual([5]);
    expect(numbers(index, '57%')).toEqual([5]);
    expect(numbers(index, '５７％')).toEqual([5]);
    expect(numbers(index, 'app')).toEqual([5]);
    expect(numbers(index, '10・29')).toEqual([5]);
  });

  it('requires every word of a query with spaces', () => {
    expect(numbers(index, '建会 入会')).toEqual([4]);
    expect(numbers(index, '入会 APP')).toEqual([5]);
    expect(numbers(index, '入会 高铁')).toEqual([]);
  });

  it('ranks a measure with the query in its title, then more occurrences, first', () => {
    const ranked = numbers(index, '入会');
    expect(ranked[0]).toBe(4);
    expect(ranked.sort()).toEqual([2, 4, 5]);
  });

  it('lists every measure in order when there are no words (browsing by filters)', () => {
    expect(numbers(index, '')).toEqual([1, 2, 3, 4, 5]);
  });

  it('applies filters: any chosen status, and any chosen topic', () => {
    expect(numbers(index, '入会', { statuses: new Set([0, 2]), topics: new Set() }).sort()).toEqual([2, 4]);
    expect(numbers(index, '入会', { statuses: new Set(), topics: new Set([9]) })).toEqual([2]);
    expect(numbers(index, '入会', { statuses: new Set([3]), topics: new Set([9]) })).toEqual([]);
  });

  it('counts each filter value under the other group’s choice', () => {
    const { facets, all, shown } = index.search(['入会'], { statuses: new Set([0]), topics: new Set() });
    expect(all).toHaveLength(3);
    expect(shown.map((m) => m.doc.n)).toEqual([2]);
    // Status counts ignore the status choice: 已完成 1, 计划中 1, 持续推进 1.
    expect(facets.statuses).toEqual([1, 0, 1, 1]);
    // Topic counts follow the status choice (only measure 2): 建会入会 and 农民工.
    expect(facets.topics[2]).toBe(1);
    expect(facets.topics[9]).toBe(1);
    expect(facets.topics.reduce((a, b) => a + b)).toBe(2);
  });
});

describe('passages', () => {
  const index = new ExactIndex(
    texts([
      { text: '第一句话很长很长很长很长很长很长很长很长很长很长很长很长很长很长。拟定“时代新人说——决胜小康 奋斗有我”主题宣讲活动,深入基层。\n另一段' },
      { text: '制定《国家级技术工人评选表彰方案(征求意见稿)》。' },
    ]),
  );
  const [spaced, brackets] = index.docs;

  it('marks the query in the report’s own characters, across a removed space', () => {
    const p = passage(spaced, parseQuery('小康奋斗').terms);
    const marked = p.segments.filter((s) => s.mark).map((s) => s.text);
    expect(marked).toEqual(['小康 奋斗']);
    expect(p.firstMatch).toBe('小康 奋斗');
  });

  it('starts at a clause near the match, stays in its paragraph, and says where it is cut', () => {
    const p = passage(spaced, ['奋斗']);
    const text = p.segments.map((s) => s.text).join('');
    expect(text.startsWith('拟定')).toBe(true);
    expect(text).not.toContain('另一段');
    expect(p.cutStart).toBe(true);
  });

  it('marks full-width query words in the half-width text', () => {
    const p = passage(brackets, parseQuery('（征求意见稿）').terms);
    expect(p.segments.find((s) => s.mark)?.text).toBe('(征求意见稿)');
    expect(p.cutStart).toBe(false);
  });

  it('shows a passage after the lead sentence, which is the title, when the words occur there too', () => {
    const index2 = new ExactIndex(texts([{ title: '加强工会建设', text: '加强工会建设。各级工会开展活动。' }]));
    const p = passage(index2.docs[0], ['工会']);
    expect(p.segments.map((s) => s.text).join('').startsWith('各级')).toBe(true);
  });

  it('merges overlapping occurrences', () => {
    expect(occurrences('会会会', ['会会'])).toEqual([[0, 3]]);
  });
});

describe('shorter words inside a one-word query (suggested searches)', () => {
  const fake = (map: Record<string, string[]>) => (text: string) => map[text] ?? [text];
  const terms = (q: string, map: Record<string, string[]>) => subWords(parseQuery(q), fake(map)).map((w) => w.term);

  it('has none for a word the segmenter does not split, or splits into single characters', () => {
    expect(terms('建会', { 建会: ['建', '会'] })).toEqual([]);
    expect(terms('高铁', {})).toEqual([]);
  });

  it('has the words of two characters or more of a longer word', () => {
    expect(terms('绿色生态工匠', { 绿色生态工匠: ['绿色', '生态', '工匠'] })).toEqual(['绿色', '生态', '工匠']);
  });

  it('has none for a query of several words (those have partial matches instead)', () => {
    expect(terms('建会 入会', {})).toEqual([]);
  });

  it('works with the browser’s own Chinese segmenter, keeping what was typed for display', () => {
    const words = subWords(parseQuery('新冠疫苗'));
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect('新冠疫苗').toContain(w.display);
  });
});

describe('the text a measure is searched by', () => {
  it('is the rendered paragraphs, without diagrams, keeping the words of links', () => {
    const html =
      '<p>加强<a href="/measures/09/">工会实名数据库</a>建设。</p><figure class="diagram"><svg><text>乡镇</text></svg><figcaption>编者图示</figcaption></figure><p>第二段 <mark>文字</mark></p>';
    expect(textOfHast(fromHtml(html, { fragment: true }))).toBe('加强工会实名数据库建设。\n第二段 文字');
  });

  it('reads a Markdown syntax tree (GFM, or MDX), as the entry checks do before anything is rendered, the same way as the rendered tree', async () => {
    const markdown = '加强[数据库](09.md)建设。\n\n```mermaid\nflowchart LR\n```\n\n| 项目 | 数量 |\n| --- | --- |\n| 视频 | 1 |\n\n第二段~~删去~~，见 https://example.org 。';
    const mdast = markdownParser.parse(markdown) as MdastRoot;
    const read = textOfMdast(mdast);
    expect(read).toBe('加强数据库建设。\n第二段删去，见 https://example.org 。');
    expect(read).toBe(textOfHast((await unified().use(remarkRehype).run(mdast)) as HastRoot));
    // MDX: its imports and exports are no text a reader reads.
    expect(textOfMdast(mdxParser.parse(`import X from './x.js';\nexport const edition = 2;\n\n${markdown}`) as MdastRoot)).toBe(read);
  });
});

describe('on the real entries', () => {
  const entries = readMeasureEntries();
  const index = new ExactIndex(
    texts(entries.map((e) => ({ n: e.data.number, title: e.data.title, text: textOfMdast(markdownParser.parse(e.body) as MdastRoot) }))),
  );
  // Every 7th substring of lengths 1 to 9 of every measure: a few thousand queries.
  const samples: string[] = [];
  for (const doc of index.docs) {
    for (let length = 1; length <= 9; length++) {
      for (let i = (doc.n * length) % 7; i + length <= doc.text.length; i += 97) {
        const q = doc.text.slice(i, i + length);
        if (!/[\s\n]/.test(q)) samples.push(q);
      }
    }
  }

  it(`finds exactly the measures that hold each of ${samples.length} substrings`, () => {
    const wrong: string[] = [];
    for (const q of samples) {
      const got = numbers(index, q).sort((a, b) => a - b);
      const want = index.docs.filter((d) => truthHolds(d.text, q)).map((d) => d.n);
      if (got.join() !== want.join()) wrong.push(`${q}: got ${got} want ${want}`);
    }
    expect(wrong).toEqual([]);
    expect(samples.length).toBeGreaterThan(1000);
  });
});
