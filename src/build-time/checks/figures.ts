/**
 * Each figure of an entry against the words it was read from: the phrase stands in the text,
 * is one quantity, and its value, unit, magnitude and qualifier are what the phrase says
 * (read with `readFigurePhrase`, the same reading the importer used).
 */
import { findFigures, readFigurePhrase } from '../../pure/text/figures.ts';
import type { Entry } from './load-entries.ts';
import { notInTextMessage, unmatchedPhrases } from './occurrences.ts';
import { fieldName, problemAt, shown, type Problem } from '../../pure/problems/problem.ts';

const COMPARED = ['value', 'unit', 'magnitude', 'qualifier'] as const;

type Item = Record<string, unknown>;

export function listOf(data: unknown, field: string): unknown[] {
  if (data === null || typeof data !== 'object') return [];
  const list = (data as Record<string, unknown>)[field];
  return Array.isArray(list) ? list : [];
}

const isItem = (x: unknown): x is Item => typeof x === 'object' && x !== null && !Array.isArray(x);

export function figureProblems(entry: Entry, text: string): Problem[] {
  const figures = listOf(entry.data, 'figures');
  const problems: Problem[] = [];
  const phrases = figures.map((f) => (isItem(f) && typeof f.phrase === 'string' ? f.phrase : undefined));

  for (const miss of unmatchedPhrases(text, phrases)) {
    const path = ['figures', miss.index, 'phrase'];
    problems.push(
      problemAt(entry.file, entry.at(path), {
        field: fieldName(path),
        found: JSON.stringify(miss.phrase),
        expected: 'the words exactly as printed in the text',
        message: notInTextMessage(miss.phrase, miss.listed, miss.found, 'the words of the figure exactly as printed in the text'),
      }),
    );
  }

  // The other way round: every quantity the text holds should be listed (a warning: the reading
  // of quantities is a heuristic, and an editor may know better).
  const listedCount = new Map<string, number>();
  for (const p of phrases) if (p) listedCount.set(p, (listedCount.get(p) ?? 0) + 1);
  const inText = new Map<string, number>();
  for (const found of findFigures(text)) inText.set(found.phrase, (inText.get(found.phrase) ?? 0) + 1);
  for (const [phrase, count] of inText) {
    const listed = listedCount.get(phrase) ?? 0;
    if (count <= listed) continue;
    // Covered by a longer listed phrase (`1.2亿` inside `超过1.2亿人`)?
    if (phrases.some((p) => p && p !== phrase && p.includes(phrase))) continue;
    // Point at the first occurrence that is not listed.
    let at = -1;
    for (let k = 0; k <= listed; k++) at = entry.body.indexOf(phrase, at + 1);
    const place = at >= 0 ? entry.inBody(entry.body.slice(0, at).split('\n').length, at - entry.body.lastIndexOf('\n', at - 1)) : entry.at(['figures']);
    const what =
      listed === 0
        ? 'is a quantity in the text that figures does not list'
        : `stands ${count} times in the text but figures lists it ${listed === 1 ? 'once' : `${listed} times`}`;
    problems.push(
      problemAt(entry.file, place, {
        field: 'figures',
        found: JSON.stringify(phrase),
        expected: 'every quantity of the text listed in figures',
        message: `${JSON.stringify(phrase)} ${what}; expected every quantity of the text in figures, in the order of the text`,
        severity: 'warning',
      }),
    );
  }

  figures.forEach((figure, index) => {
    if (!isItem(figure) || typeof figure.phrase !== 'string' || !figure.phrase) return;
    const phrase = figure.phrase;
    const read = readFigurePhrase(phrase);
    if (!read) {
      const path = ['figures', index, 'phrase'];
      problems.push(
        problemAt(entry.file, entry.at(path), {
          field: fieldName(path),
          found: JSON.stringify(phrase),
          expected: 'the words of one quantity',
          message: `${JSON.stringify(phrase)} is not one quantity; expected the words of one figure as printed, such as 超过1.2亿人 or 150余条`,
        }),
      );
      return;
    }
    for (const key of COMPARED) {
      const written = figure[key];
      const said = read[key];
      // A value of the wrong type is the schema's to report.
      if (written !== undefined && typeof written !== (key === 'value' ? 'number' : 'string')) continue;
      if (written === said || (key === 'unit' && written === undefined)) continue;
      const path = ['figures', index, key];
      const expected = said === undefined ? `no ${key}` : shown(said);
      const message =
        written === undefined
          ? `is missing; expected ${expected}, as the phrase ${JSON.stringify(phrase)} says`
          : `${shown(written)} does not agree with the phrase ${JSON.stringify(phrase)}; expected ${expected}`;
      problems.push(
        problemAt(entry.file, written === undefined ? entry.at(['figures', index]) : entry.at(path), {
          field: fieldName(path),
          found: written === undefined ? '' : shown(written),
          expected,
          message,
        }),
      );
    }
  });
  return problems;
}
