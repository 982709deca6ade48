/** Dates in a report's text: `2月12日`, `2019年4月30日`, `6月22日至7月9日`, `截至8月`. */
import type { MeasureDate } from '../model/schema.ts';

const DATE = /(?<![\d—-])(?:(?<year>\d{4})年)?(?<month>\d{1,2})月(?:(?<day>\d{1,2})日)?(?:至(?:(?<untilMonth>\d{1,2})月)?(?<untilDay>\d{1,2})日)?/gu;

/** The dates of a text, in order; a date printed without a year is in `reportYear`, inferred. */
export function findDates(text: string, reportYear: number): MeasureDate[] {
  const dates: MeasureDate[] = [];
  for (const match of text.matchAll(DATE)) {
    const g = match.groups!;
    const date: MeasureDate = {
      phrase: match[0],
      year: g.year ? Number(g.year) : reportYear,
      yearInferred: !g.year,
      month: Number(g.month),
    };
    if (g.day) date.day = Number(g.day);
    if (g.untilDay) date.until = { month: Number(g.untilMonth ?? g.month), day: Number(g.untilDay) };
    dates.push(date);
  }
  return dates;
}

/** Whether the day exists in its month (no 2月30日), taking leap years into account. */
export function isRealDate(year: number, month: number, day?: number): boolean {
  if (day === undefined) return month >= 1 && month <= 12;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The date as a `<time datetime>` holds it: `2019-02-12`, or `2019-02` when the text names no day. */
export function isoDate(date: MeasureDate): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${two(date.month)}${date.day ? `-${two(date.day)}` : ''}`;
}

/** `2019年2月12日`, `2019年2月`, with the year marked when the editors inferred it. */
export function formatDate(date: MeasureDate): string {
  const day = date.day ? `${date.day}日` : '';
  const until = date.until ? `至${date.until.month === date.month ? '' : `${date.until.month}月`}${date.until.day}日` : '';
  return `${date.year}年${date.month}月${day}${until}`;
}
