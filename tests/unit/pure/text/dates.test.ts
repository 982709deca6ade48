import { describe, expect, it } from 'vitest';
import { findDates, formatDate, isoDate, isRealDate } from '../../../../src/pure/text/dates.ts';
import { dateSchema } from '../../../../src/pure/model/schema.ts';
import { measure, measureText, realPage } from '../../../support/source-text.ts';

/** The shared README: "Dates carry no year; the report year is 2020". */
const REPORT_YEAR = 2020;

describe('findDates', () => {
  it('infers the report year for 2月12日', () => {
    expect(findDates('2月12日,全总党组专题传达学习', REPORT_YEAR)).toEqual([{ phrase: '2月12日', year: REPORT_YEAR, yearInferred: true, month: 2, day: 12 }]);
  });

  it('takes a printed year as printed, not inferred', () => {
    expect(findDates('2020年4月30日习近平总书记给郑州圆方集团职工回信后', REPORT_YEAR)).toEqual([
      { phrase: '2020年4月30日', year: 2020, yearInferred: false, month: 4, day: 30 },
    ]);
    const [other] = findDates('习近平总书记2018年10月29日同全总新一届领导班子成员集体谈话', REPORT_YEAR);
    expect(other).toMatchObject({ phrase: '2018年10月29日', year: 2018, yearInferred: false, month: 10, day: 29 });
  });

  it('reads 6月22日至7月9日 as one span with its end in until', () => {
    const dates = findDates('6月22日至7月9日,全总以视频会议方式听取', REPORT_YEAR);
    expect(dates).toHaveLength(1);
    expect(dates[0]).toEqual({
      phrase: '6月22日至7月9日',
      year: REPORT_YEAR,
      yearInferred: true,
      month: 6,
      day: 22,
      until: { month: 7, day: 9 },
    });
  });

  it('ends a span in the same month when the end gives only a day', () => {
    const [span] = findDates('6月1日至9日', REPORT_YEAR);
    expect(span.until).toEqual({ month: 6, day: 9 });
  });

  it('reads 截至8月 as a month without a day', () => {
    const dates = findDates('据不完全统计,截至8月,21个省(区、市)工会组织', REPORT_YEAR);
    expect(dates).toHaveLength(1);
    expect(dates[0].phrase).toBe('8月');
    expect(dates[0].month).toBe(8);
    expect(dates[0].day).toBeUndefined();
    expect(dates[0].until).toBeUndefined();
    expect(dates[0].yearInferred).toBe(true);
  });

  it('infers the year it is given instead of the report year', () => {
    expect(findDates('2月12日', 2021)[0]).toMatchObject({ year: 2021, yearInferred: true });
  });

  it.each(['2020年度工作要点', '(2017—2020年)', '“10·29”重要讲话', '4个方面重点13条任务', '成立95周年'])('finds no date in %s', (text) => {
    expect(findDates(text, REPORT_YEAR)).toEqual([]);
  });

  it('finds the dates of the real measures in order, each at its printed words', () => {
    const page = realPage();
    for (const m of page.measures) {
      const text = measureText(m);
      let from = 0;
      for (const d of findDates(text, REPORT_YEAR)) {
        const at = text.indexOf(d.phrase, from);
        expect(at, `(${m.number}) ${d.phrase}`).toBeGreaterThanOrEqual(from);
        from = at + d.phrase.length;
        expect(dateSchema.safeParse(d).success).toBe(true);
        expect(isRealDate(d.year, d.month, d.day), d.phrase).toBe(true);
        if (d.until) expect(isRealDate(d.year, d.until.month, d.until.day), d.phrase).toBe(true);
        // A printed year is kept; a missing one is the report year.
        const printedYear = /^(\d{4})年/.exec(d.phrase)?.[1];
        expect(d.yearInferred).toBe(!printedYear);
        expect(d.year).toBe(printedYear ? Number(printedYear) : REPORT_YEAR);
      }
    }
    // 截至2020年9月30日 is printed twice in (15).
    expect(findDates(measureText(measure(page, 15)), REPORT_YEAR).filter((d) => d.phrase === '2020年9月30日')).toHaveLength(2);
  });
});

describe('isRealDate', () => {
  it('rejects 2月30日 and 4月31日', () => {
    expect(isRealDate(2020, 2, 30)).toBe(false);
    expect(isRealDate(2020, 4, 31)).toBe(false);
  });

  it('accepts 29 February in a leap year only', () => {
    expect(isRealDate(2020, 2, 29)).toBe(true);
    expect(isRealDate(2021, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
  });

  it('accepts the last day of a month and a month on its own', () => {
    expect(isRealDate(2020, 12, 31)).toBe(true);
    expect(isRealDate(2020, 8)).toBe(true);
  });

  it('rejects months and days out of range', () => {
    expect(isRealDate(2020, 13)).toBe(false);
    expect(isRealDate(2020, 0)).toBe(false);
    expect(isRealDate(2020, 13, 1)).toBe(false);
    expect(isRealDate(2020, 1, 0)).toBe(false);
    expect(isRealDate(2020, 1, 32)).toBe(false);
  });
});

describe('formatDate', () => {
  it('writes the full date with its year', () => {
    expect(formatDate(findDates('2月12日', REPORT_YEAR)[0])).toBe('2020年2月12日');
    expect(formatDate(findDates('截至8月', REPORT_YEAR)[0])).toBe('2020年8月');
    expect(formatDate(findDates('6月22日至7月9日', REPORT_YEAR)[0])).toBe('2020年6月22日至7月9日');
    expect(formatDate(findDates('6月1日至9日', REPORT_YEAR)[0])).toBe('2020年6月1日至9日');
  });

  it('gives back the printed words, with the year put in front where it was inferred', () => {
    for (const d of realPage().measures.flatMap((m) => findDates(measureText(m), REPORT_YEAR))) {
      expect(formatDate(d)).toBe(`${d.yearInferred ? `${d.year}年` : ''}${d.phrase}`);
    }
  });
});

describe('isoDate', () => {
  it('writes the day the text names, or only the month, in the form <time datetime> takes', () => {
    expect(isoDate(findDates('2月12日', REPORT_YEAR)[0])).toBe('2020-02-12');
    expect(isoDate(findDates('截至8月', REPORT_YEAR)[0])).toBe('2020-08');
    expect(isoDate(findDates('2019年11月5日', REPORT_YEAR)[0])).toBe('2019-11-05');
  });

  it('gives every date of the real page a valid date string', () => {
    for (const d of realPage().measures.flatMap((m) => findDates(measureText(m), REPORT_YEAR))) {
      const iso = isoDate(d);
      expect(iso).toMatch(/^\d{4}-\d{2}(?:-\d{2})?$/);
      expect(Number.isNaN(Date.parse(iso))).toBe(false);
    }
  });
});
