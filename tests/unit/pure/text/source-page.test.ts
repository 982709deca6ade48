import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { joinColumnBreaks, parseSourcePage, printedPositions, readPrintedParagraphs } from '../../../../src/pure/text/source-page.ts';
import { measure, range, realPage, SOURCE_LINES, SOURCE_TEXT } from '../../../support/source-text.ts';

/** The five column-break joins the shared README lists: `before|after` in measure (n). */
const JOINS = [
  { number: 2, before: '工会工作', after: '的重要论述' },
  { number: 10, before: '在全', after: '总智慧数据库' },
  { number: 16, before: '中国社会保', after: '险学会' },
  { number: 20, before: '以点带', after: '面' },
  { number: 24, before: '“技能', after: '强国' },
];

/**
 * Measures that run over several paragraphs, with the opening words of each follow-on paragraph,
 * counted by hand in content/source/report-page2.txt (lines 19; 47, 49; 73, 75; 83).
 */
const FOLLOW_ONS: Record<number, string[]> = {
  2: ['加强对新时代工运事业和工会工作的理论研究。'],
  14: ['持续加强产业工人队伍建设改革宣传。', '推动形成健康文明、昂扬向上、全员参与的职工文化。'],
  23: ['探索健全联系广泛、服务职工工会工作体系的有效路径和方法。', '加强对基层工会组织建设和企业工会组织发挥作用的指导。'],
  25: ['完善工会受同级党委和上级工会双重领导体制,'],
};

const printed = (...lines: string[]) => readPrintedParagraphs(lines.join('\n\n'));

describe('the real source page', () => {
  const page = realPage();
  const N = SOURCE_LINES.length;

  it('is the copy the shared README describes (same SHA-256)', () => {
    const hash = createHash('sha256').update(SOURCE_TEXT).digest('hex');
    expect(hash).toBe('f19288dc4519b8d15a5f6d53d45fc271b84041db0272995f64d9c40498a28e98');
  });

  it('reads one printed paragraph per non-empty line, numbered 1..N, with its line number', () => {
    expect(page.printed.map((p) => p.text)).toEqual(SOURCE_LINES);
    expect(page.printed.map((p) => p.position)).toEqual(range(1, N));
    const rawLines = SOURCE_TEXT.split(/\r?\n/);
    for (const p of page.printed) expect(rawLines[p.line - 1].trim()).toBe(p.text);
  });

  it('parses into 30 measures numbered (1) to (30) in order', () => {
    expect(page.measures).toHaveLength(30);
    expect(page.measures.map((m) => m.number)).toEqual(range(1, 30));
    // The same numbers, read from the `(N)` markers at the start of the printed lines.
    const markers = SOURCE_LINES.flatMap((line) => /^\((\d+)\)/.exec(line)?.[1] ?? []).map(Number);
    expect(page.measures.map((m) => m.number)).toEqual(markers);
  });

  it('takes each title from the lead sentence, without the number and without the final 。', () => {
    for (const m of page.measures) {
      const line = SOURCE_LINES.find((l) => l.startsWith(`(${m.number})`))!;
      const lead = line.slice(`(${m.number})`.length, line.indexOf('。'));
      expect(line.indexOf('。'), `(${m.number}) has a 。 on its first line`).toBeGreaterThan(0);
      expect(m.title).toBe(lead);
      expect(m.title).not.toMatch(/^\(\d+\)|。$/);
      expect(m.paragraphs[0].text.startsWith(`${m.title}。`)).toBe(true);
    }
  });

  describe.each(JOINS)('the column break $before|$after in ($number)', ({ number, before, after }) => {
    it('is where the README says: one printed line ends with the first half, the next starts with the second', () => {
      const i = SOURCE_LINES.findIndex((l) => l.endsWith(before));
      expect(i).toBeGreaterThan(-1);
      expect(SOURCE_LINES.filter((l) => l.endsWith(before))).toHaveLength(1);
      expect(SOURCE_LINES[i + 1].startsWith(after)).toBe(true);
    });

    it('gives one joined paragraph made of exactly two printed paragraphs, with no space at the join', () => {
      const m = measure(page, number);
      const joined = m.paragraphs.filter((p) => p.parts.length > 1);
      expect(joined).toHaveLength(1);
      const [p] = joined;
      expect(p.parts).toHaveLength(2);
      const [first, second] = p.parts;
      expect(first.text.endsWith(before)).toBe(true);
      expect(second.text.startsWith(after)).toBe(true);
      expect(second.position).toBe(first.position + 1);
      expect(p.text).toContain(before + after);
      // The paragraph is the two printed parts, concatenated (less the `(N)` marker of a first paragraph).
      const marker = p === m.paragraphs[0] ? `(${number})` : '';
      expect(marker + p.text).toBe(first.text + second.text);
    });
  });

  it('joins exactly those five breaks and no other printed paragraphs', () => {
    const joined = page.paragraphs.filter((p) => p.parts.length > 1);
    expect(joined).toHaveLength(JOINS.length);
    expect(joined.every((p) => p.parts.length === 2)).toBe(true);
    expect(page.paragraphs).toHaveLength(N - JOINS.length);
    // Every paragraph but the part 二 heading and the continuation marks ends a sentence.
    for (const p of page.paragraphs) {
      if (/^二、|^\((上接|下转)第\d版\)$/.test(p.text)) continue;
      expect(p.text, p.text.slice(0, 20)).toMatch(/。$/);
    }
  });

  it('gives (2), (14), (23), (25) their follow-on paragraphs and every other measure one paragraph', () => {
    for (const m of page.measures) {
      const followOns = FOLLOW_ONS[m.number] ?? [];
      expect(m.paragraphs, `(${m.number})`).toHaveLength(1 + followOns.length);
      followOns.forEach((start, i) => {
        expect(m.paragraphs[i + 1].text.startsWith(start), `(${m.number}) paragraph ${i + 2}`).toBe(true);
        expect(m.paragraphs[i + 1].text).not.toMatch(/^\(\d+\)/);
      });
    }
    expect(measure(page, 2).paragraphs).toHaveLength(2);
    expect(measure(page, 14).paragraphs).toHaveLength(3);
    expect(measure(page, 23).paragraphs).toHaveLength(3);
    expect(measure(page, 25).paragraphs).toHaveLength(2);
  });

  it('recognises the continuation marks as the first and last printed paragraphs', () => {
    expect(page.continuedFrom?.text).toBe('(上接第1版)');
    expect(page.continuedFrom?.position).toBe(1);
    expect(page.continuedOn?.text).toBe('(下转第3版)');
    expect(page.continuedOn?.position).toBe(N);
    const texts = [...page.sections.flatMap((s) => [s.heading, ...s.paragraphs]), ...page.measures.flatMap((m) => m.paragraphs)].map((p) => p.text);
    expect(texts.some((t) => t.includes('上接') || t.includes('下转'))).toBe(false);
  });

  it('has the two introductory sections under the right headings', () => {
    expect(page.sections).toHaveLength(2);
    const [sub, part2] = page.sections;

    expect(sub.heading.text).toBe('(三)落实主体责任,确保整改实效。');
    expect(sub.paragraphs).toHaveLength(1);
    // The headline structure the README reads from this paragraph.
    for (const words of ['4个主要方面', '12个问题', '31个具体表现', '64项整改任务', '6个小组', '24个第一责任单位', '3次集中督导']) {
      expect(sub.paragraphs[0].text).toContain(words);
    }

    const headingLine = SOURCE_LINES.find((l) => l.startsWith('二、'))!;
    expect(part2.heading.text).toBe(headingLine);
    expect(part2.heading.text.startsWith('二、围绕中央巡视组反馈的问题和意见,')).toBe(true);
    expect(part2.heading.text.endsWith('抓好整改工作')).toBe(true);
  });

  it('does not join the part 二 heading, which ends without punctuation, to its lead paragraph', () => {
    const part2 = page.sections[1];
    const i = SOURCE_LINES.findIndex((l) => l.startsWith('二、'));
    expect(part2.heading.parts).toHaveLength(1);
    expect(part2.heading.parts[0].position).toBe(i + 1);
    expect(part2.paragraphs).toHaveLength(1);
    expect(part2.paragraphs[0].text).toBe(SOURCE_LINES[i + 1]);
    expect(part2.paragraphs[0].parts.map((p) => p.position)).toEqual([i + 2]);
  });

  it('uses every printed paragraph exactly once', () => {
    const positions = [
      ...page.sections.flatMap((s) => printedPositions([s.heading, ...s.paragraphs])),
      ...page.measures.flatMap((m) => printedPositions(m.paragraphs)),
      page.continuedFrom!.position,
      page.continuedOn!.position,
    ];
    expect(new Set(positions).size).toBe(positions.length);
    expect([...positions].sort((a, b) => a - b)).toEqual(range(1, N));
  });

  it('keeps each measure in reading order: its printed paragraphs are consecutive', () => {
    let next = page.sections.at(-1)!.paragraphs.at(-1)!.parts.at(-1)!.position + 1;
    for (const m of page.measures) {
      const positions = printedPositions(m.paragraphs);
      expect(positions, `(${m.number})`).toEqual(range(next, next + positions.length - 1));
      next += positions.length;
    }
    expect(next).toBe(page.continuedOn!.position);
  });
});

describe('readPrintedParagraphs', () => {
  it('skips blank and whitespace-only lines, trims, handles CRLF, and numbers positions and lines from 1', () => {
    expect(readPrintedParagraphs('\n甲。\r\n\n   \n  乙\t\n丙。\n')).toEqual([
      { position: 1, line: 2, text: '甲。' },
      { position: 2, line: 5, text: '乙' },
      { position: 3, line: 6, text: '丙。' },
    ]);
  });

  it('reads an empty text as no paragraphs', () => {
    expect(readPrintedParagraphs('')).toEqual([]);
    expect(readPrintedParagraphs('\n \n')).toEqual([]);
  });
});

describe('joinColumnBreaks', () => {
  it('joins a paragraph that stops mid-sentence with the next one, without a space', () => {
    const paragraphs = joinColumnBreaks(printed('在全', '总智慧数据库建设中规划。'));
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0].text).toBe('在全总智慧数据库建设中规划。');
    expect(paragraphs[0].parts.map((p) => p.position)).toEqual([1, 2]);
    // A clause that ends with a comma has not ended its sentence either.
    expect(joinColumnBreaks(printed('完善工会受同级党委和上级工会双重领导体制,', '主动加强沟通。')).map((p) => p.text)).toEqual([
      '完善工会受同级党委和上级工会双重领导体制,主动加强沟通。',
    ]);
  });

  it('keeps paragraphs that end with 。, ！ or ？ apart', () => {
    const paragraphs = joinColumnBreaks(printed('第一句。', '第二句！', '第三句？'));
    expect(paragraphs.map((p) => p.text)).toEqual(['第一句。', '第二句！', '第三句？']);
    expect(paragraphs.every((p) => p.parts.length === 1)).toBe(true);
  });

  it('keeps a quotation that closes after its 。 as a whole paragraph', () => {
    const paragraphs = joinColumnBreaks(printed('他说：“好。”', '下一段。'));
    expect(paragraphs.map((p) => p.text)).toEqual(['他说：“好。”', '下一段。']);
  });

  it('joins across several breaks until the sentence ends', () => {
    const paragraphs = joinColumnBreaks(printed('甲', '乙', '丙。', '丁。'));
    expect(paragraphs.map((p) => p.text)).toEqual(['甲乙丙。', '丁。']);
    expect(paragraphs[0].parts).toHaveLength(3);
  });

  it('keeps a part heading, which has no final punctuation, and a continuation mark on their own', () => {
    const standsAlone = (line: string) => /^\((?:上接|下转)/.test(line) || line.startsWith('二、');
    const paragraphs = joinColumnBreaks(printed('(上接第1版)', '二、围绕问题抓好整改工作', '导语。', '(下转第3版)'), standsAlone);
    expect(paragraphs.map((p) => p.text)).toEqual(['(上接第1版)', '二、围绕问题抓好整改工作', '导语。', '(下转第3版)']);
  });

  it('does not lose an unfinished paragraph at the end of the page', () => {
    const paragraphs = joinColumnBreaks(printed('完整。', '未完'));
    expect(paragraphs.map((p) => p.text)).toEqual(['完整。', '未完']);
  });

  it('gives every printed paragraph to exactly one paragraph', () => {
    const input = printed('甲', '乙。', '二、标题', '丙。', '丁', '戊');
    expect(printedPositions(joinColumnBreaks(input))).toEqual(input.map((p) => p.position));
  });

  // The README's rule: "A paragraph that does not end with sentence-final punctuation continues in
  // the next one". A closing quotation mark or bracket on its own does not end a sentence.
  it('joins a paragraph cut right after a closing quotation mark or bracket (README rule)', () => {
    expect(joinColumnBreaks(printed('开展“产业工人队伍建设改革深化年”', '行动。')).map((p) => p.text)).toEqual(['开展“产业工人队伍建设改革深化年”行动。']);
    expect(joinColumnBreaks(printed('加强乡镇(街道)', '工会建设。')).map((p) => p.text)).toEqual(['加强乡镇(街道)工会建设。']);
  });
});

/** The real report's layout: measures (1), headings 一、 and (一), pages called 版. */
const LAYOUT = { numbering: { measures: '(1)', headings: ['一、', '(一)'] }, pageWord: '版' };

describe('parseSourcePage on a small page', () => {
  const text = [
    '(上接第1版)',
    '(三)小节标题。',
    '小节正文。',
    '二、部分标题',
    '导语。',
    '(1)第一项措施。正文',
    '续完。',
    '后续段落。',
    '(2)第二项。',
    '(下转第3版)',
  ].join('\n\n');
  const page = parseSourcePage(text, LAYOUT);

  it('finds the sections under their headings', () => {
    expect(page.sections.map((s) => s.heading.text)).toEqual(['(三)小节标题。', '二、部分标题']);
    expect(page.sections.map((s) => s.paragraphs.map((p) => p.text))).toEqual([['小节正文。'], ['导语。']]);
  });

  it('finds the measures, their titles and their follow-on paragraphs', () => {
    expect(page.measures.map((m) => [m.number, m.title])).toEqual([
      [1, '第一项措施'],
      [2, '第二项'],
    ]);
    expect(page.measures[0].paragraphs.map((p) => p.text)).toEqual(['第一项措施。正文续完。', '后续段落。']);
    expect(page.measures[1].paragraphs.map((p) => p.text)).toEqual(['第二项。']);
  });

  it('finds the continuation marks', () => {
    expect(page.continuedFrom?.position).toBe(1);
    expect(page.continuedOn?.position).toBe(10);
  });

  it('leaves the continuation marks undefined on a page without them', () => {
    const bare = parseSourcePage('二、标题\n\n(1)措施。', LAYOUT);
    expect(bare.continuedFrom).toBeUndefined();
    expect(bare.continuedOn).toBeUndefined();
    expect(bare.measures).toHaveLength(1);
  });

  it('says by line what comes before any heading, and what the numbering does not find', () => {
    expect(parseSourcePage('\n没有标题的段落。', LAYOUT).problems).toEqual([
      {
        line: 2,
        message:
          '"没有标题的段落。" comes before any heading or measure; expected the text to begin with a heading numbered like 一、 or (一) or a measure numbered like (1) (source.numbering in publication.yaml)',
      },
      {
        line: 2,
        message: 'no paragraph begins a measure numbered like (1); expected the measures to begin so (source.numbering.measures in publication.yaml)',
      },
    ]);
  });
});
