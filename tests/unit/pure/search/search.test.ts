/**
 * Exact search: folding (traditional characters included), query parsing, the index's files,
 * matching, ranking, facet counts, passages, the parts of a query, and the text a measure is
 * searched by. Searches run on an index built in memory and read through the same store
 * interface the browser uses; checked against a ground truth written independently
 * (String.normalize('NFKC'), opencc-js), on hand-made texts and on the real entries.
 */
import { inflateRawSync } from 'node:zlib';
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Root as MdastRoot } from 'mdast';
import { Converter } from 'opencc-js/t2cn';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildIndex, type SearchDocument } from '../../../../src/build-time/search/build-index.ts';
import { MemoryStore } from '../../../../src/build-time/search/memory-store.ts';
import {
  bucketOf,
  coverOf,
  decodeBucket,
  decodePosting,
  decodeRecords,
  encodePosting,
  VERIFY_LIMIT,
  type DocKind,
} from '../../../../src/pure/search/index-format.ts';
import { foldText, foldUnit, MAX_QUERY_LENGTH, originalIndex, parseQuery, useTraditionalPairs } from '../../../../src/pure/search/normalize.ts';
import { TRADITIONAL_PAIRS } from '../../../../src/pure/search/traditional-table.ts';
import { occurrences, passage, prepareText } from '../../../../src/pure/search/passage.ts';
import { subWords } from '../../../../src/pure/search/parts.ts';
import { textOfHast, textOfMdast } from '../../../../src/pure/search/plain-text.ts';
import { NO_SELECTION, type Selection } from '../../../../src/pure/search/rank.ts';
import { FIRST_PAGE, Searcher } from '../../../../src/pure/search/search.ts';
import { STATUSES, TOPICS } from '../../../support/report-vocabulary.ts';
import { readMeasureEntries } from '../../../support/entries.ts';
import { markdownParser, mdxParser } from '../../../../src/build-time/checks/markdown.ts';

const toSimplified = Converter({ from: 't', to: 'cn' });

/** The benchmark's definition of "holds the query", written without the module under test. */
function truthHolds(text: string, query: string): boolean {
  const fold = (s: string) =>
    toSimplified(s)
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

const statuses = STATUSES.map((s) => ({ label: s.label, slug: s.slug, colour: s.colour }));
const topics = TOPICS.map((t) => t.label);

interface Doc {
  n?: number;
  kind?: DocKind;
  title?: string;
  text: string;
  status?: number;
  topics?: number[];
}

/** Measures numbered 1, 2 … (unless given), with the given texts; their URL says their number. */
function searcherOf(docs: Doc[]): { searcher: Searcher; store: MemoryStore } {
  const documents: SearchDocument[] = docs.map((d, i) => {
    const n = d.n ?? i + 1;
    const kind = d.kind ?? 'measure';
    return {
      kind,
      url: `/${kind}/${n}/`,
      label: `（${n}）`,
      title: d.title ?? `标题${n}`,
      text: d.text,
      status: kind === 'measure' ? (d.status ?? 0) : -1,
      topics: d.topics ?? [],
    };
  });
  const store = new MemoryStore(buildIndex({ documents, statuses, topics }));
  return { searcher: new Searcher(store), store };
}

/** The URLs of the results shown, best first. */
async function shown(searcher: Searcher, query: string, selection: Selection = NO_SELECTION): Promise<string[]> {
  const { list } = await searcher.exact(query, selection);
  await list.extend(Number.POSITIVE_INFINITY);
  return Promise.all(list.shown.map(async (m) => (await searcher.store.fragment(m.doc)).url));
}

/** The numbers of the measures shown, best first. */
const numbers = async (searcher: Searcher, query: string, selection: Selection = NO_SELECTION) =>
  (await shown(searcher, query, selection)).map((u) => Number(u.split('/')[2]));
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('folding', () => {
  beforeEach(() => useTraditionalPairs(TRADITIONAL_PAIRS));

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

  it('folds traditional and variant characters to the simplified ones, one for one, as OpenCC does', () => {
    expect(foldText('職工書屋 勞動模範').folded).toBe('职工书屋劳动模范');
    const differ: string[] = [];
    for (let c = 0x4e00; c <= 0x9fff; c++) {
      const char = String.fromCharCode(c);
      const opencc = toSimplified(char);
      if (opencc.length === 1 && opencc !== char && String.fromCharCode(foldUnit(c)) !== opencc) differ.push(char);
    }
    expect(differ).toEqual([]);
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
  const { searcher } = searcherOf([
    { text: '以百人以上房产中介龙头企业建会为重点,以点带面带动其他企业建会。', status: 1, topics: [2] },
    { text: '组建工会,发展会员。会员入会。', status: 0, topics: [2, 9] },
    { text: '出版《绿色生态工匠》。\n工作要点', status: 1, topics: [1] },
    { title: '建会入会', text: '建会入会。集中入会仪式', status: 2, topics: [2] },
    { text: '手机APP申请入会,占比不少于57%,超过1.2亿人,10·29重要讲话。職工書屋', status: 3 },
  ]);

  it('finds 建会 only where the two characters stand together', async () => {
    expect(sorted(await numbers(searcher, '建会'))).toEqual([1, 4]);
  });

  it('finds a single character inside a longer word', async () => {
    expect(await numbers(searcher, '匠')).toEqual([3]);
  });

  it('finds nothing for an absent word, even when its characters occur', async () => {
    expect(await numbers(searcher, '高铁')).toEqual([]);
    expect(await numbers(searcher, '工点')).toEqual([]);
    expect(await numbers(searcher, '会员会员')).toEqual([]);
  });

  it('never matches across paragraphs', async () => {
    expect(await numbers(searcher, '》。工作')).toEqual([]);
    expect(await numbers(searcher, '》。 工作')).toEqual([3]);
  });

  it('handles numbers, symbols and Latin words, in either width and case', async () => {
    for (const q of ['1.2亿', '１．２亿', '57%', '５７％', 'app', '10・29']) expect(await numbers(searcher, q), q).toEqual([5]);
  });

  it('finds simplified text for traditional input, and the other way round', async () => {
    expect(await numbers(searcher, '职工书屋')).toEqual([5]);
    expect(await numbers(searcher, '職工書屋')).toEqual([5]);
    expect(await numbers(searcher, '建會')).toEqual(await numbers(searcher, '建会'));
  });

  it('finds words longer than the index’s grams, verified in the text', async () => {
    expect(await numbers(searcher, '百人以上房产中介龙头企业')).toEqual([1]);
    expect(await numbers(searcher, '百人以上房产中介龙头企')).toEqual([1]);
    expect(await numbers(searcher, '以上房产龙头企业')).toEqual([]);
  });

  it('requires every word of a query with spaces', async () => {
    expect(await numbers(searcher, '建会 入会')).toEqual([4]);
    expect(await numbers(searcher, '入会 APP')).toEqual([5]);
    expect(await numbers(searcher, '入会 高铁')).toEqual([]);
  });

  it('lists every measure in order when there are no words (browsing by filters)', async () => {
    expect(await numbers(searcher, '')).toEqual([1, 2, 3, 4, 5]);
  });

  it('applies filters: any chosen status, and any chosen topic', async () => {
    expect(sorted(await numbers(searcher, '入会', { statuses: new Set([0, 2]), topics: new Set() }))).toEqual([2, 4]);
    expect(await numbers(searcher, '入会', { statuses: new Set(), topics: new Set([9]) })).toEqual([2]);
    expect(await numbers(searcher, '入会', { statuses: new Set([3]), topics: new Set([9]) })).toEqual([]);
    expect(await numbers(searcher, '', { statuses: new Set([1]), topics: new Set() })).toEqual([1, 3]);
  });

  it('counts each filter value under the other group’s choice', async () => {
    const { facets, list } = await searcher.exact('入会', { statuses: new Set([0]), topics: new Set() });
    const { all, shown: filtered } = list;
    expect(all).toHaveLength(3);
    expect(filtered.map((m) => m.doc)).toEqual([1]);
    // Status counts ignore the status choice: 已完成 1, 计划中 1, 持续推进 1.
    expect(facets.statuses).toEqual([1, 0, 1, 1]);
    // Topic counts follow the status choice (only measure 2): 建会入会 and 农民工.
    expect(facets.topics[2]).toBe(1);
    expect(facets.topics[9]).toBe(1);
    expect(facets.topics.reduce((a, b) => a + b)).toBe(2);
  });
});

describe('ranking', () => {
  it('puts a result with the word in its title first, even with fewer occurrences (the title bonus alone decides)', async () => {
    // Same length; 2 holds 工匠 twice in its text, 1 once in its text and once in its title.
    const { searcher } = searcherOf([
      { title: '工匠', text: '评选工匠。其他文字其他文字其他文字。' },
      { title: '其他', text: '评选工匠。其他工匠其他文字其他文字。' },
      { title: '其他', text: '与此无关的文字,与此无关的文字。' },
    ]);
    expect(await numbers(searcher, '工匠')).toEqual([1, 2]);
  });

  it('ranks by occurrences when no title holds the word, ties in report order', async () => {
    const { searcher } = searcherOf([
      { text: '入会。其他文字其他文字其他文字其他。' },
      { text: '入会入会入会。其他文字其他文字其。' },
      { text: '入会。其他文字其他文字其他文字其他。' },
    ]);
    expect(await numbers(searcher, '入会')).toEqual([2, 1, 3]);
  });

  it('ranks partial matches by how many words they hold, then by score', async () => {
    const { searcher } = searcherOf([{ text: '劳模。' }, { text: '劳模工匠。' }, { text: '劳模工匠创新。' }, { text: '工匠工匠。' }]);
    const exact = await searcher.exact('劳模 工匠 创新', NO_SELECTION);
    expect(exact.list.all.map((m) => m.doc)).toEqual([2]);
    const partial = await searcher.partial(exact, NO_SELECTION);
    expect(partial.shown.map((m) => m.doc)).toEqual([1, 3, 0]);
  });
});

describe('the index’s files', () => {
  it('round-trips postings, buckets and records, the published files deflated', () => {
    const posting = { docs: [0, 3, 200, 70000], counts: [1, 2, 300, 1], inTitle: [false, true, false, true] };
    expect(decodePosting(encodePosting(posting))).toEqual(posting);
    const built = buildIndex({
      documents: [{ kind: 'measure', url: '/m/1/', label: '（1）', title: '标题', text: '建会入会', status: 2, topics: [1, 5] }],
      statuses,
      topics,
    });
    // As a reader gets them: raw deflate (index-format.ts), inflated.
    const published = (file: RegExp) => new Uint8Array(inflateRawSync(built.files.get([...built.files.keys()].find((p) => file.test(p))!) as Uint8Array));
    expect(decodeRecords(published(/\/d0\.bin$/))).toEqual([{ status: 2, topics: [1, 5], length: 4 }]);
    const bucket = published(new RegExp(`/b${bucketOf('建会', built.manifest.buckets)}\\.bin$`));
    expect(decodePosting(decodeBucket(bucket).get('建会')!)).toEqual({ docs: [0], counts: [1], inTitle: [false] });
  });

  it('covers a long word with four-unit pieces', () => {
    expect(coverOf('一二三四五六七八九')).toEqual(['一二三四', '五六七八', '六七八九']);
    expect(coverOf('一二三四五')).toEqual(['一二三四', '二三四五']);
  });

  it('gives a word of three or four characters a posting only when its pairs leave more documents than are verified', async () => {
    const many = VERIFY_LIMIT + 6;
    // Every document holds 工会 and 会作 apart; the first ones hold 工会作 too.
    const docs = Array.from({ length: many }, (_, i) => ({ text: i < 3 ? '工会作。' : '工会。会作。' }));
    const { searcher, store } = searcherOf(docs);
    expect(store.manifest.separate.length + store.manifest.buckets).toBeGreaterThan(0);
    expect(await numbers(searcher, '工会作')).toEqual([1, 2, 3]);
    const few = searcherOf([{ text: '工会作。' }, { text: '工会。会作。' }]);
    expect(await numbers(few.searcher, '工会作')).toEqual([1]);
    // Decided by the postings of 工会 and 会作 and the text of the two documents both list.
    expect(few.store.read.postings).toEqual(['工会作', '工会', '会作']);
    expect(new Set(few.store.read.fragments)).toEqual(new Set([0, 1]));
  });

  it('reads one posting and no text for a word of one or two characters', async () => {
    const { searcher, store } = searcherOf([{ text: '建会。' }, { text: '入会。' }]);
    await searcher.exact('建会', NO_SELECTION);
    expect(store.read.postings).toEqual(['建会']);
    expect(store.read.fragments).toEqual([]);
  });

  it('numbers sections, measures and source paragraphs in report order, and filters keep only measures', async () => {
    const { searcher } = searcherOf([
      { n: 1, kind: 'measure', text: '集中督导。' },
      { n: 1, kind: 'section', text: '集中督导。' },
      { n: 47, kind: 'source', title: '', text: '(下转第3版)集中督导' },
    ]);
    expect(await shown(searcher, '集中督导')).toEqual(['/section/1/', '/measure/1/', '/source/47/']);
    expect(await shown(searcher, '集中督导', { statuses: new Set([0]), topics: new Set() })).toEqual(['/measure/1/']);
  });
});

describe('a long word that many documents may hold', () => {
  // 200 documents hold both four-character pieces of 中华全国总工会; every fifth holds them
  // apart only (a false candidate); the word is in the title of 137, and most often in 151.
  const docs: Doc[] = Array.from({ length: 200 }, (_, i) => {
    const n = i + 1;
    if (n % 5 === 0) return { text: `中华全国职工,全国总工会。其他文字${n}。` };
    const times = n === 151 ? 3 : 1;
    return { title: n === 137 ? '中华全国总工会' : `标题${n}`, text: `${'中华全国总工会,'.repeat(times)}其他文字${n}。`, status: n % 4 };
  });
  const holders = docs.flatMap((_, i) => ((i + 1) % 5 === 0 ? [] : [i + 1]));

  it('reads the text of about a page of them for the first page, not of all', async () => {
    const { searcher, store } = searcherOf(docs);
    const { list, facets } = await searcher.exact('中华全国总工会', NO_SELECTION);
    expect(new Set(store.read.fragments).size).toBeLessThanOrEqual(FIRST_PAGE + 8);
    expect(list.shown.length).toBeGreaterThanOrEqual(FIRST_PAGE);
    expect(list.complete).toBe(false);
    // Best first already: the title, then the most occurrences.
    expect(list.shown.slice(0, 2).map((m) => m.doc + 1)).toEqual([137, 151]);
    // Counts: at least what was read; the filters' counts the most they can be.
    expect(list.found).toBeLessThan(holders.length);
    expect(facets.statuses.reduce((a, b) => a + b)).toBe(200);
  });

  it('shows, page by page, exactly the documents that hold it, in the order reading them all gives', async () => {
    const { searcher } = searcherOf(docs);
    const { list } = await searcher.exact('中华全国总工会', NO_SELECTION);
    const firstPage = list.shown.map((m) => m.doc);
    await list.extend(FIRST_PAGE + 50);
    expect(list.shown.slice(0, firstPage.length).map((m) => m.doc)).toEqual(firstPage);
    await list.extend(Number.POSITIVE_INFINITY);
    expect(list.complete).toBe(true);
    expect(sorted(list.shown.map((m) => m.doc + 1))).toEqual(holders);
    const scores = list.shown.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The same order again, with every text read already.
    const again = (await searcher.exact('中华全国总工会', NO_SELECTION)).list;
    await again.extend(Number.POSITIVE_INFINITY);
    expect(again.shown.map((m) => m.doc)).toEqual(list.shown.map((m) => m.doc));
  });

  it('keeps the filters while it reads', async () => {
    const { searcher } = searcherOf(docs);
    const selection = { statuses: new Set([2]), topics: new Set<number>() };
    expect(sorted(await numbers(searcher, '中华全国总工会', selection))).toEqual(holders.filter((n) => n % 4 === 2));
  });

  it('puts partial matches that might have held every word after the others', async () => {
    const { searcher, store } = searcherOf([...docs, { text: '中华全国总工会。' }, { text: '其他文字2。' }]);
    const exact = await searcher.exact('中华全国总工会 其他文字', NO_SELECTION);
    const partial = await searcher.partial(exact, NO_SELECTION);
    // 201 holds only the long word, 202 only 其他文字: known from the postings, read for the first.
    expect(sorted(partial.shown.slice(0, 2).map((m) => m.doc + 1))).toEqual([201, 202]);
    expect(new Set(store.read.fragments).size).toBeLessThanOrEqual(2 * (FIRST_PAGE + 8));
    await partial.extend(Number.POSITIVE_INFINITY);
    // Then the false candidates, found lacking the long word in their text.
    expect(sorted(partial.shown.slice(2).map((m) => m.doc + 1))).toEqual(docs.flatMap((_, i) => ((i + 1) % 5 === 0 ? [i + 1] : [])));
  });
});

describe('suggestions', () => {
  it('offers a shorter word only when it finds more than the query', async () => {
    const { searcher } = searcherOf([{ text: '农民工入会。' }, { text: '农民工。' }, { text: '农民。' }]);
    const exact = await searcher.exact('农民工', NO_SELECTION);
    const offered = await searcher.suggestions(exact, NO_SELECTION);
    // 农民 (3) finds more than 农民工 (2); a word that finds the same measures would add nothing.
    expect(offered.every((o) => o.count > exact.list.all.length)).toBe(true);
    const same = searcherOf([{ text: '农民工入会。' }, { text: '农民工。' }]);
    const sameExact = await same.searcher.exact('农民工', NO_SELECTION);
    expect(await same.searcher.suggestions(sameExact, NO_SELECTION)).toEqual([]);
  });
});

describe('passages', () => {
  beforeEach(() => useTraditionalPairs(TRADITIONAL_PAIRS));
  const spaced = prepareText({
    title: '标题',
    text: '第一句话很长很长很长很长很长很长很长很长很长很长很长很长很长很长。拟定“时代新人说——决胜小康 奋斗有我”主题宣讲活动,深入基层。\n另一段',
  });
  const brackets = prepareText({ title: '标题', text: '制定《国家级技术工人评选表彰方案(征求意见稿)》。' });

  it('marks the query in the report’s own characters, across a removed space', () => {
    const p = passage(spaced, parseQuery('小康奋斗').terms);
    expect(p.segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['小康 奋斗']);
    expect(p.firstMatch).toBe('小康 奋斗');
  });

  it('starts at a clause near the match, stays in its paragraph, and says where it is cut', () => {
    const p = passage(spaced, ['奋斗']);
    const text = p.segments.map((s) => s.text).join('');
    expect(text.startsWith('拟定')).toBe(true);
    expect(text).not.toContain('另一段');
    expect(p.cutStart).toBe(true);
  });

  it('marks full-width query words in the half-width text, and traditional ones in simplified text', () => {
    expect(passage(brackets, parseQuery('（征求意见稿）').terms).segments.find((s) => s.mark)?.text).toBe('(征求意见稿)');
    expect(passage(brackets, parseQuery('技術工人').terms).segments.find((s) => s.mark)?.text).toBe('技术工人');
  });

  it('shows a passage after the lead sentence, which is the title, when the words occur there too', () => {
    const p = passage(prepareText({ title: '加强工会建设', text: '加强工会建设。各级工会开展活动。' }), ['工会']);
    expect(
      p.segments
        .map((s) => s.text)
        .join('')
        .startsWith('各级'),
    ).toBe(true);
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
    const markdown =
      '加强[数据库](09.md)建设。\n\n```mermaid\nflowchart LR\n```\n\n| 项目 | 数量 |\n| --- | --- |\n| 视频 | 1 |\n\n第二段~~删去~~，见 https://example.org 。';
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
  const docs = entries.map((e) => ({ n: e.data.number, title: e.data.title, text: textOfMdast(markdownParser.parse(e.body) as MdastRoot) }));
  const { searcher } = searcherOf(docs);
  // Every 97th substring of lengths 1 to 9 of every measure: a few thousand queries.
  const samples: string[] = [];
  for (const doc of docs) {
    for (let length = 1; length <= 9; length++) {
      for (let i = (doc.n * length) % 7; i + length <= doc.text.length; i += 97) {
        const q = doc.text.slice(i, i + length);
        if (!/[\s\n]/.test(q)) samples.push(q);
      }
    }
  }

  it(`finds exactly the measures that hold each of ${samples.length} substrings, and their traditional spelling`, async () => {
    const wrong: string[] = [];
    const toTraditional = (await import('opencc-js/cn2t')).Converter({ from: 'cn', to: 'tw' });
    for (const q of samples) {
      const want = docs.filter((d) => truthHolds(d.text, q)).map((d) => d.n);
      const got = sorted(await numbers(searcher, q));
      if (got.join() !== want.join()) wrong.push(`${q}: got ${got} want ${want}`);
      // Folding is one character for one: a spelling OpenCC converts only as a phrase (瞭解 → 了解, where 瞭 alone stays) is not folded.
      const traditional = toTraditional(q);
      const oneForOne = traditional.length === q.length && [...traditional].every((c, i) => toSimplified(c) === q[i]);
      if (oneForOne && traditional !== q) {
        const gotT = sorted(await numbers(searcher, traditional));
        if (gotT.join() !== want.join()) wrong.push(`${traditional}: got ${gotT} want ${want}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(samples.length).toBeGreaterThan(1000);
  }, 60_000);
});
