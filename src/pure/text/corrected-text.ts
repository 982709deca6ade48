/**
 * The source's words as a page prints them outside an entry's rendered text — a measure's
 * title in lists, pagers, headings, `<title>`, tooltips and search results; a cited document's
 * name; a passage quoted on the timeline: punctuation as on the reading pages
 * (src/pure/text/chinese-punctuation.ts), and each passage the editors corrected marked, with
 * their note right after it. A correction shows wherever the corrected words are shown.
 * Pure: no Astro, no files.
 */
import type { Correction } from '../model/schema.ts';
import { chinesePunctuation } from './chinese-punctuation.ts';
import { everyCorrectionSpan, piecesOf } from './correction-spans.ts';

export interface TextPart {
  /** Words as the reading pages show them. */
  text: string;
  /** The editors' correction of these words, when they corrected them. */
  correction?: Pick<Correction, 'suggested' | 'note'>;
}

/** The words of `text` in parts, each passage one of `corrections` names apart. */
export function correctedParts(text: string, corrections: readonly Correction[]): TextPart[] {
  const shown = chinesePunctuation(text);
  return piecesOf(
    shown,
    everyCorrectionSpan(shown, corrections, (c) => chinesePunctuation(c.original)),
  ).map(({ text, span }) => (span ? { text, correction: { suggested: span.correction.suggested, note: span.correction.note } } : { text }));
}

/** What the editors say of a corrected passage, in a few words: `编者注：疑为“宣传工作”` (a mark's tooltip). */
export const correctionRemark = (c: Pick<Correction, 'suggested'>) => (c.suggested ? `编者注：疑为“${chinesePunctuation(c.suggested)}”` : '编者注：原文疑有误');

/** The editors' note printed right after a corrected passage: `〔编者注：疑为“宣传工作”〕`. */
export const correctionNote = (c: Pick<Correction, 'suggested'>) => `〔${correctionRemark(c)}〕`;

/** The words as plain text (`<title>`, tooltips, search results), each correction's note after its passage. */
export const textWithNotes = (parts: readonly TextPart[]) => parts.map((p) => (p.correction ? `${p.text}${correctionNote(p.correction)}` : p.text)).join('');
