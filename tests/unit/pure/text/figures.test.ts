import { describe, expect, it } from 'vitest';
import {
  findFigures,
  formatAsWritten,
  formatConverted,
  formatExact,
  formatWithQualifier,
  normalisedValue,
  readFigurePhrase,
  type FoundFigure,
} from '../../../../src/pure/text/figures.ts';
import { figureSchema } from '../../../../src/pure/model/schema.ts';
import { measure, measureText, realPage } from '../../../support/source-text.ts';

const page = realPage();
const paragraphs = page.paragraphs.map((p) => p.text);

/**
 * Figures the shared README lists, read by hand: the number as printed, what is counted, the
 * magnitude word and the qualifier, and the value once the magnitude is applied.
 */
const CASES: Array<{
  phrase: string;
  value: number;
  unit: string;
  magnitude?: '万' | '亿';
  qualifier?: string;
  normalised: number;
}> = [
  { phrase: '超过1.2亿人', value: 1.2, magnitude: '亿', qualifier: '超过', unit: '人', normalised: 120_000_000 },
  { phrase: '20.38万户', value: 20.38, magnitude: '万', unit: '户', normalised: 203_800 },
  { phrase: '61.8亿元', value: 61.8, magnitude: '亿', unit: '元', normalised: 6_180_000_000 },
  { phrase: '4059万元', value: 4059, magnitude: '万', unit: '元', normalised: 40_590_000 },
  { phrase: '近630万次', value: 630, magnitude: '万', qualifier: '近', unit: '次', normalised: 6_300_000 },
  { phrase: '超60万', value: 60, magnitude: '万', qualifier: '超', unit: '', normalised: 600_000 },
  { phrase: '150余条', value: 150, qualifier: '余', unit: '条', normalised: 150 },
  { phrase: '100个左右', value: 100, qualifier: '左右', unit: '个', normalised: 100 },
  { phrase: '不少于57%', value: 57, qualifier: '不少于', unit: '%', normalised: 57 },
  { phrase: '14.766万名', value: 14.766, magnitude: '万', unit: '名', normalised: 147_660 },
  { phrase: '9009.97万人次', value: 9009.97, magnitude: '万', unit: '人次', normalised: 90_099_700 },
];

function read(phrase: string): FoundFigure {
  const figure = readFigurePhrase(phrase);
  if (!figure) throw new Error(`${phrase} was not read as a figure`);
  return figure;
}

describe.each(CASES)('the figure $phrase', (c) => {
  it('is printed in the source', () => {
    expect(paragraphs.some((p) => p.includes(c.phrase))).toBe(true);
  });

  it('reads into value, unit, magnitude and qualifier', () => {
    const figure = read(c.phrase);
    expect(figure.phrase).toBe(c.phrase);
    expect(figure.value).toBe(c.value);
    expect(figure.unit).toBe(c.unit);
    expect(figure.magnitude).toBe(c.magnitude);
    expect(figure.qualifier).toBe(c.qualifier);
  });

  it('is found, whole, where it stands in its paragraph', () => {
    const text = paragraphs.find((p) => p.includes(c.phrase))!;
    const at = text.indexOf(c.phrase);
    const found = findFigures(text).filter((f) => f.index === at);
    expect(found).toHaveLength(1);
    expect(found[0].phrase).toBe(c.phrase);
    expect(found[0].value).toBe(c.value);
    expect(found[0].unit).toBe(c.unit);
    expect(found[0].qualifier).toBe(c.qualifier);
  });

  it('has the exact normalised value', () => {
    expect(normalisedValue(read(c.phrase))).toBe(c.normalised);
  });
});

describe('findFigures', () => {
  it('reads 人次 as the unit, not 人', () => {
    const [figure] = findFigures('走访慰问困难职工506.6万人次。');
    expect(figure.unit).toBe('人次');
    expect(figure.phrase).toBe('506.6万人次');
  });

  it('finds 29条 once, as 29条, and never the 9条 inside it', () => {
    const figures = findFigures('其中视频相关短视频29条。');
    expect(figures.map((f) => f.phrase)).toEqual(['29条']);
    expect(figures[0].value).toBe(29);
  });

  it('tells 29条 from the separate 9条 in measure (15)', () => {
    const text = measureText(measure(page, 15));
    const figures = findFigures(text);
    const at29 = text.indexOf('29条');
    const at9 = text.indexOf('视频9条') + '视频'.length;
    expect(at29).toBeGreaterThan(-1);
    expect(figures.find((f) => f.index === at29)?.phrase).toBe('29条');
    expect(figures.some((f) => f.index === at29 + 1)).toBe(false);
    expect(figures.find((f) => f.index === at9)?.phrase).toBe('9条');
  });

  it('does not take part of a decimal for a figure', () => {
    expect(findFigures('投入61.8亿元').map((f) => f.phrase)).toEqual(['61.8亿元']);
  });

  it.each(['2020年', '2月12日', '第三批', '第六届', '2020年4月30日', '2020年度', '“10·29”重要讲话', '第3次'])('does not read %s as a figure', (text) => {
    expect(findFigures(text)).toEqual([]);
  });

  it('reads the ordinals of the source as no figures: 第三批 and 第六届 are printed in it', () => {
    for (const words of ['第三批', '第六届']) expect(paragraphs.some((p) => p.includes(words))).toBe(true);
    expect(findFigures('继续联合科技部等部门开展第六届全国职工优秀技术创新成果交流活动')).toEqual([]);
    expect(findFigures('适时推进2020年度第三批高技能人才境外培训工作')).toEqual([]);
  });

  it('finds nothing in measure (3), which gives years and a date but counts nothing', () => {
    expect(findFigures(measureText(measure(page, 3)))).toEqual([]);
  });

  it('finds the headline structure of section (三) in order, as the README gives it', () => {
    const text = page.sections[0].paragraphs.map((p) => p.text).join('\n');
    // 4 main aspects, 12 problems, 31 manifestations, 64 tasks, 6 sub-groups, 24 units, 3 rounds.
    expect(findFigures(text).map((f) => f.value)).toEqual([4, 12, 31, 64, 6, 24, 3]);
  });

  it('gives every figure on the page at its place, and reads its phrase back to the same figure', () => {
    const texts = [...page.sections.map((s) => s.paragraphs), ...page.measures.map((m) => m.paragraphs)].map((ps) => ps.map((p) => p.text).join('\n'));
    let count = 0;
    for (const text of texts) {
      let last = -1;
      for (const f of findFigures(text)) {
        count++;
        expect(text.slice(f.index, f.index + f.phrase.length)).toBe(f.phrase);
        expect(f.index).toBeGreaterThan(last);
        last = f.index;
        expect(readFigurePhrase(f.phrase)).toEqual({ ...f, index: 0 });
        const { index: _index, ...figure } = f;
        expect(figureSchema.safeParse(figure).success).toBe(true);
      }
    }
    expect(count).toBeGreaterThanOrEqual(CASES.length);
  });
});

describe('readFigurePhrase', () => {
  it.each(['1.2亿人和20.38万户', '20.38万户27.24万户', '超过1.2亿人以上', '会员超过1.2亿人', '2020年', '1.2', '', '亿人'])(
    'rejects %j, which is not exactly one quantity',
    (phrase) => {
      expect(readFigurePhrase(phrase)).toBeUndefined();
    },
  );
});

describe('normalisedValue', () => {
  it('is exact where binary floating point is not', () => {
    // 近1339.11万次 and 19.4亿元 are printed on the page; the naive product is off for both.
    expect(1339.11 * 10 ** 4).not.toBe(13_391_100);
    expect(19.4 * 10 ** 8).not.toBe(1_940_000_000);
    expect(normalisedValue(read('近1339.11万次'))).toBe(13_391_100);
    expect(normalisedValue(read('19.4亿元'))).toBe(1_940_000_000);
    expect(normalisedValue({ value: 14.766, magnitude: '万' })).toBe(147_660);
    expect(normalisedValue({ value: 1.05, magnitude: '亿' })).toBe(105_000_000);
    expect(normalisedValue({ value: 29.44, magnitude: '亿' })).toBe(2_944_000_000);
  });

  it('keeps the value as it is without a magnitude', () => {
    expect(normalisedValue({ value: 57 })).toBe(57);
    expect(normalisedValue({ value: 3.5 })).toBe(3.5);
  });

  it('keeps digits beyond the magnitude as a fraction', () => {
    expect(normalisedValue({ value: 1.23456, magnitude: '万' })).toBe(12_345.6);
    expect(normalisedValue({ value: 0.5, magnitude: '万' })).toBe(5_000);
  });

  it('is a whole number for every figure with a magnitude on the page', () => {
    const all = page.paragraphs.flatMap((p) => findFigures(p.text)).filter((f) => f.magnitude);
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) expect(Number.isInteger(normalisedValue(f)), f.phrase).toBe(true);
  });
});

describe('formatExact', () => {
  it('writes the exact value with zh-CN digit grouping', () => {
    expect(formatExact(read('超过1.2亿人'))).toBe('120,000,000');
    expect(formatExact(read('14.766万名'))).toBe('147,660');
    expect(formatExact(read('9009.97万人次'))).toBe('90,099,700');
    expect(formatExact(read('不少于57%'))).toBe('57');
    expect(formatExact({ value: 3.5 })).toBe('3.5');
  });
});

describe('formatConverted and formatWithQualifier', () => {
  // A figure with a qualifier is no exact count: its converted value keeps the qualifier, where the report puts it.
  it('keep the qualifier with the value, before or after it as the report writes it', () => {
    expect(formatConverted(read('10余省'))).toBe('10余');
    expect(formatConverted(read('超过1.2亿人'))).toBe('超过120,000,000');
    expect(formatConverted(read('近630万次'))).toBe('近6,300,000');
    expect(formatConverted(read('100个左右'))).toBe('100左右');
    expect(formatWithQualifier(read('超过1.2亿人'))).toBe('超过1.2亿人');
    expect(formatWithQualifier(read('150余条'))).toBe('150余条');
  });

  it('give an unqualified figure as the bare value', () => {
    expect(formatConverted(read('61.8亿元'))).toBe('6,180,000,000');
    expect(formatWithQualifier(read('61.8亿元'))).toBe('61.8亿元');
  });
});

describe('formatAsWritten', () => {
  it('gives value and magnitude, without qualifier or unit', () => {
    expect(formatAsWritten(read('超过1.2亿人'))).toBe('1.2亿');
    expect(formatAsWritten(read('14.766万名'))).toBe('14.766万');
    expect(formatAsWritten(read('150余条'))).toBe('150');
  });

  // Its doc comment: "the figure the way the report writes it". The report prints 4059万元 and
  // 9009.97万人次, with no digit grouping.
  it('writes the number the way the report prints it, without digit grouping', () => {
    expect(formatAsWritten(read('4059万元'))).toBe('4059万');
    expect(formatAsWritten(read('9009.97万人次'))).toBe('9009.97万');
    expect(formatAsWritten(read('近1300条'))).toBe('1300');
  });
});
