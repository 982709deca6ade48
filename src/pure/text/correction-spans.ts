/**
 * Where the passages the editors corrected stand in a text, for the places that print the
 * source's words outside an entry's rendered text: the source page (a measure's whole text) and
 * titles, names and quoted passages (src/pure/text/corrected-text.ts). Pure.
 */
import type { Correction } from '../model/schema.ts';

export interface CorrectionSpan {
  /** Where the passage starts in the text (UTF-16 offset) and how long it is. */
  at: number;
  length: number;
  correction: Correction;
  /** The correction's position in the entry's list (its note's number, from 0). */
  index: number;
}

/**
 * The corrected passages of a measure's whole text, matched as the text's correction marks match
 * them (src/build-time/markdown/mark-phrases.ts): the n-th occurrence of a phrase goes to the n-th
 * correction naming it. In text order, none inside another.
 */
export function correctionSpans(text: string, corrections: readonly Correction[]): CorrectionSpan[] {
  const byPhrase = new Map<string, number[]>();
  corrections.forEach((c, i) => byPhrase.set(c.original, [...(byPhrase.get(c.original) ?? []), i]));
  const spans: CorrectionSpan[] = [];
  for (const [phrase, indexes] of byPhrase) {
    let from = 0;
    for (const index of indexes) {
      const at = text.indexOf(phrase, from);
      if (at === -1) break;
      spans.push({ at, length: phrase.length, correction: corrections[index], index });
      from = at + phrase.length;
    }
  }
  return outermost(spans);
}

/**
 * Every occurrence of a corrected passage in a part of a measure's text (a title, a name, a
 * quoted passage), each with the first correction naming it: which occurrence of the whole text
 * a part holds is not known. `phraseOf` gives the passage as the part prints it.
 */
export function everyCorrectionSpan(text: string, corrections: readonly Correction[], phraseOf = (c: Correction) => c.original): CorrectionSpan[] {
  const spans: CorrectionSpan[] = [];
  const seen = new Set<string>();
  corrections.forEach((correction, index) => {
    const phrase = phraseOf(correction);
    if (seen.has(phrase)) return;
    seen.add(phrase);
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + phrase.length)) spans.push({ at, length: phrase.length, correction, index });
  });
  return outermost(spans);
}

function outermost(spans: CorrectionSpan[]): CorrectionSpan[] {
  spans.sort((a, b) => a.at - b.at || b.length - a.length);
  // A passage inside (or across) another corrected passage is shown by that one.
  const kept: CorrectionSpan[] = [];
  for (const s of spans) if (!kept.length || s.at >= kept.at(-1)!.at + kept.at(-1)!.length) kept.push(s);
  return kept;
}

export interface Piece {
  text: string;
  /** The corrected passage these words belong to, if any. */
  span?: CorrectionSpan;
}

/**
 * A stretch of the text (`text`, which starts at `offset` in the text the spans were found in)
 * cut into pieces at the corrected passages. A passage that runs past the stretch is cut with it.
 */
export function piecesOf(text: string, spans: readonly CorrectionSpan[], offset = 0): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  for (const span of spans) {
    const start = Math.max(span.at - offset, from);
    const end = Math.min(span.at + span.length - offset, text.length);
    if (end <= start) continue;
    if (start > from) pieces.push({ text: text.slice(from, start) });
    pieces.push({ text: text.slice(start, end), span });
    from = end;
  }
  if (from < text.length || pieces.length === 0) pieces.push({ text: text.slice(from) });
  return pieces;
}
