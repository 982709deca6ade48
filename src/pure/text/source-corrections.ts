/**
 * The source page's text cut at the passages the editors corrected, so that the page marks
 * them as the measure pages do, while its words stay exactly as printed. Pure.
 */
import type { Correction } from '../model/schema.ts';
import { correctionSpans, piecesOf, type Piece } from './correction-spans.ts';
import type { SourcePage } from './source-page.ts';

/**
 * For each printed paragraph (by position) of a measure that has corrections, its text in
 * pieces. A measure's corrections are found in its whole text, paragraph after paragraph, as its
 * entry's text marks them; the `(N)` a measure's first paragraph starts with is not part of it.
 */
export function correctedPieces(page: SourcePage, correctionsOf: (measure: number) => readonly Correction[]): Map<number, Piece[]> {
  const pieces = new Map<number, Piece[]>();
  for (const measure of page.measures) {
    const corrections = correctionsOf(measure.number);
    if (!corrections.length) continue;
    const spans = correctionSpans(measure.paragraphs.map((p) => p.text).join('\n'), corrections);
    let offset = 0;
    for (const paragraph of measure.paragraphs) {
      const printed = paragraph.parts.map((part) => part.text).join('');
      // Where the printed text starts in the measure's text: before it by the length of `(N)` in the first paragraph.
      let at = offset - (printed.length - paragraph.text.length);
      for (const part of paragraph.parts) {
        pieces.set(part.position, piecesOf(part.text, spans, at));
        at += part.text.length;
      }
      offset += paragraph.text.length + 1;
    }
  }
  return pieces;
}
