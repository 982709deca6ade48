/**
 * Each date of an entry: it exists (no 2月30日, `isRealDate`), a span ends after it starts, its
 * phrase stands in the text, and month, day, span and year are what the phrase says (read with
 * `findDates`, the same reading the importer used).
 */
import { findDates, isRealDate } from '../../pure/text/dates.ts';
import type { Entry } from './load-entries.ts';
import { listOf } from './figures.ts';
import { notInTextMessage, unmatchedPhrases } from './occurrences.ts';
import { fieldName, problemAt, shown, type Problem } from '../../pure/problems/problem.ts';

type Item = Record<string, unknown>;
const isItem = (x: unknown): x is Item => typeof x === 'object' && x !== null && !Array.isArray(x);
const isWhole = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

/** Days in a month of a year (28–31). */
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `reportYear`: the year of a date printed without one (publication.yaml). */
export function dateProblems(entry: Entry, text: string, reportYear: number): Problem[] {
  const dates = listOf(entry.data, 'dates');
  const problems: Problem[] = [];
  const add = (path: (string | number)[], found: string, expected: string, message: string) =>
    problems.push(problemAt(entry.file, entry.at(path), { field: fieldName(path), found, expected, message }));

  const phrases = dates.map((d) => (isItem(d) && typeof d.phrase === 'string' ? d.phrase : undefined));
  for (const miss of unmatchedPhrases(text, phrases)) {
    add(
      ['dates', miss.index, 'phrase'],
      JSON.stringify(miss.phrase),
      'the words exactly as printed in the text',
      notInTextMessage(miss.phrase, miss.listed, miss.found, 'the words of the date exactly as printed in the text'),
    );
  }

  // A date the source itself prints wrong (2月30日) is recorded as printed, with a correction
  // naming it: then it is not the editors' mistake, and only the phrase is checked.
  const corrected = listOf(entry.data, 'corrections')
    .map((c) => (isItem(c) && typeof c.original === 'string' ? c.original : ''))
    .filter(Boolean);
  const isCorrected = (phrase: unknown) => typeof phrase === 'string' && !!phrase && corrected.some((o) => o.includes(phrase));

  dates.forEach((date, index) => {
    if (!isItem(date)) return;
    const { year, month, day } = date;
    const until = isItem(date.until) ? date.until : undefined;
    const monthOk = isWhole(month) && month >= 1 && month <= 12;

    if (isWhole(year) && monthOk && isWhole(day) && !isRealDate(year, month, day) && !isCorrected(date.phrase)) {
      const days = daysIn(year, month);
      add(['dates', index, 'day'], String(day), `1 to ${days}`, `${day} is not a day of ${year}年${month}月; expected 1 to ${days}`);
    }
    if (until && isWhole(year) && isWhole(until.month) && until.month >= 1 && until.month <= 12 && isWhole(until.day)) {
      // A span that ends in an earlier month ends in the next year (12月20日至1月5日).
      const untilYear = monthOk && until.month < month ? year + 1 : year;
      if (isCorrected(date.phrase)) {
        // as printed
      } else if (!isRealDate(untilYear, until.month, until.day)) {
        const days = daysIn(untilYear, until.month);
        add(
          ['dates', index, 'until', 'day'],
          String(until.day),
          `1 to ${days}`,
          `${until.day} is not a day of ${untilYear}年${until.month}月; expected 1 to ${days}`,
        );
      } else if (monthOk && isWhole(day) && isRealDate(year, month, day) && until.month === month && until.day <= day) {
        add(
          ['dates', index, 'until'],
          `${until.month}月${until.day}日`,
          `a day after ${month}月${day}日`,
          `${until.month}月${until.day}日 is not after the start ${month}月${day}日; expected the span to end after it starts`,
        );
      }
    }

    if (typeof date.phrase !== 'string' || !date.phrase) return;
    const phrase = date.phrase;
    const read = findDates(phrase, reportYear);
    if (read.length !== 1 || read[0].phrase !== phrase) {
      add(
        ['dates', index, 'phrase'],
        JSON.stringify(phrase),
        'the words of one date',
        `${JSON.stringify(phrase)} is not one date; expected the words of one date as printed, such as 2月12日 or 6月22日至7月9日`,
      );
      return;
    }
    const said = read[0];
    const compare = (path: (string | number)[], written: unknown, expected: unknown) => {
      if (written === expected || (written !== undefined && !isWhole(written) && typeof written !== 'boolean')) return;
      const message =
        written === undefined
          ? `is missing; expected ${shown(expected)}, as the phrase ${JSON.stringify(phrase)} says`
          : expected === undefined
            ? `${shown(written)} does not agree with the phrase ${JSON.stringify(phrase)}; expected no ${String(path.at(-1))}`
            : `${shown(written)} does not agree with the phrase ${JSON.stringify(phrase)}; expected ${shown(expected)}`;
      problems.push(
        problemAt(entry.file, entry.at(written === undefined ? path.slice(0, -1) : path), {
          field: fieldName(path),
          found: written === undefined ? '' : shown(written),
          expected: expected === undefined ? `no ${String(path.at(-1))}` : shown(expected),
          message,
        }),
      );
    };
    compare(['dates', index, 'month'], month, said.month);
    compare(['dates', index, 'day'], day, said.day);
    if (said.until || until) {
      if (!until) {
        const end = `{ month: ${said.until!.month}, day: ${said.until!.day} }`;
        add(['dates', index, 'until'], '', end, `is missing; expected ${end}, as the phrase ${JSON.stringify(phrase)} says`);
      } else if (!said.until) {
        add(['dates', index, 'until'], 'until', 'no until', `is given, but the phrase ${JSON.stringify(phrase)} names no span; expected no until`);
      } else {
        compare(['dates', index, 'until', 'month'], until.month, said.until.month);
        compare(['dates', index, 'until', 'day'], until.day, said.until.day);
      }
    }
    // A year the text prints must be that year; a year the text does not print is inferred.
    if (!said.yearInferred) compare(['dates', index, 'year'], year, said.year);
    compare(['dates', index, 'yearInferred'], date.yearInferred, said.yearInferred);
  });
  return problems;
}
