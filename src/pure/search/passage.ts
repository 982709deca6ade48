/**
 * The passage shown with a result: about `length` characters of one paragraph around the
 * query's words, each occurrence marked, in the report's own characters.
 */
import type { Fragment } from './index-format.ts';
import { foldText, originalIndex } from './normalize.ts';

/** A fragment's text with its folded form, ready for passages. */
export interface PreparedText {
  text: string;
  folded: string;
  gaps: number[];
  foldedTitle: string;
}

export function prepareText(fragment: Pick<Fragment, 'text' | 'title'>): PreparedText {
  const { folded, gaps } = foldText(fragment.text);
  return { text: fragment.text, folded, gaps, foldedTitle: foldText(fragment.title).folded };
}

/** A piece of a passage: plain, or one of the query's words (shown marked). */
export interface Segment {
  text: string;
  mark: boolean;
}

export interface Passage {
  segments: Segment[];
  /** Whether the passage starts or ends inside a paragraph (shown with an ellipsis). */
  cutStart: boolean;
  cutEnd: boolean;
  /** The first marked words as printed, for a link that scrolls to them. */
  firstMatch?: string;
}

/** Every occurrence of each term in folded text, as [start, end) ranges, merged and sorted. */
export function occurrences(folded: string, terms: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let i = folded.indexOf(term); i >= 0; i = folded.indexOf(term, i + 1)) ranges.push([i, i + term.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * The passage to show for a measure: about `length` characters of one paragraph around the
 * place where the most of the query's words occur close together, starting at a sentence or
 * clause when one is near, with every occurrence marked. Works on the original text, so the
 * reader sees the report's own characters.
 */
export function passage(doc: PreparedText, terms: readonly string[], length = 72): Passage {
  const ranges = occurrences(doc.folded, terms);
  const text = doc.text;
  const toOriginal = (i: number) => originalIndex(doc.gaps, i);
  if (ranges.length === 0) {
    const end = paragraphEnd(text, 0);
    const stop = Math.min(end, length);
    return { segments: [{ text: text.slice(0, stop), mark: false }], cutStart: false, cutEnd: stop < end };
  }
  // The anchor: the occurrence whose window holds the most distinct terms (earliest on ties),
  // after the lead sentence when there is one there: the lead is the title, shown anyway.
  const lead = doc.folded.startsWith(doc.foldedTitle) ? doc.foldedTitle.length : 0;
  const afterLead = ranges.filter((r) => r[0] >= lead);
  let best = ranges[0];
  let bestCover = -1;
  for (const r of afterLead.length ? afterLead : ranges) {
    const windowEnd = r[0] + length * 0.7;
    const inWindow = doc.folded.slice(r[0], windowEnd);
    const cover = terms.filter((t) => inWindow.includes(t)).length;
    if (cover > bestCover) {
      best = r;
      bestCover = cover;
    }
  }
  const anchorStart = toOriginal(best[0]);
  const anchorEnd = toOriginal(best[1] - 1) + 1;
  const paraStart = paragraphStart(text, anchorStart);
  const paraEnd = paragraphEnd(text, anchorStart);
  // Start a little before the match, at a clause boundary when there is one close by.
  const before = Math.min(24, Math.floor(length / 3));
  // Not back into the lead sentence (the title) when the anchor is after it.
  const afterTitle = lead > 0 && best[0] >= lead ? toOriginal(lead) + 1 : 0;
  let start = Math.max(paraStart, afterTitle, anchorStart - before);
  if (start > paraStart && start > afterTitle) {
    const head = text.slice(start, anchorStart);
    const clause = Math.max(head.lastIndexOf('。'), head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf('、'), head.lastIndexOf('，'));
    if (clause >= 0 && clause < head.length - 1) start += clause + 1;
  }
  const end = Math.min(paraEnd, Math.max(anchorEnd, start + length));
  const segments: Segment[] = [];
  let at = start;
  for (const [s, e] of ranges) {
    const os = toOriginal(s);
    const oe = toOriginal(e - 1) + 1;
    if (oe <= start || os >= end) continue;
    const ms = Math.max(os, start);
    const me = Math.min(oe, end);
    if (ms > at) segments.push({ text: text.slice(at, ms), mark: false });
    segments.push({ text: text.slice(ms, me), mark: true });
    at = me;
  }
  if (at < end) segments.push({ text: text.slice(at, end), mark: false });
  return { segments, cutStart: start > paraStart, cutEnd: end < paraEnd, firstMatch: text.slice(anchorStart, anchorEnd) };
}

function paragraphStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function paragraphEnd(text: string, at: number): number {
  const i = text.indexOf('\n', at);
  return i < 0 ? text.length : i;
}
