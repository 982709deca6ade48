/**
 * Exact search over the search texts: which measures hold every word of the query (after
 * folding, see normalize.ts), how they rank, how many there are per status and topic, and the
 * passage to show with the words marked. Pure and synchronous: the UI and the unit tests call
 * it directly, and it needs no Pagefind.
 */
import { foldText, originalIndex } from './normalize.ts';
import type { SearchDoc, SearchTexts } from './texts.ts';

export interface PreparedDoc extends SearchDoc {
  /** Position in SearchTexts.docs. */
  index: number;
  folded: string;
  gaps: number[];
  foldedTitle: string;
}

/** The reader's choice of filters: status and topic indexes; empty means "any". */
export interface Selection {
  statuses: ReadonlySet<number>;
  topics: ReadonlySet<number>;
}

export const NO_SELECTION: Selection = { statuses: new Set(), topics: new Set() };

export interface ExactMatch {
  doc: PreparedDoc;
  /** Occurrences of each term, in the order of the query's terms. */
  counts: number[];
  /** Where each term first occurs, in folded text. */
  first: number[];
  score: number;
}

export interface FacetCounts {
  /** Per status index: matches with that status under the current topic choice. */
  statuses: number[];
  /** Per topic index: matches with that topic under the current status choice. */
  topics: number[];
}

export interface ExactResult {
  /** Every measure that holds all terms, best first, before filters. */
  all: ExactMatch[];
  /** The same, with the filters applied: what the reader is shown. */
  shown: ExactMatch[];
  facets: FacetCounts;
}

export class ExactIndex {
  readonly docs: PreparedDoc[];
  readonly statuses: SearchTexts['statuses'];
  readonly topics: string[];
  private readonly averageLength: number;
  private readonly byPagefindId = new Map<string, PreparedDoc>();

  constructor(texts: SearchTexts) {
    this.statuses = texts.statuses;
    this.topics = texts.topics;
    this.docs = texts.docs.map((doc, index) => {
      const { folded, gaps } = foldText(doc.text);
      return { ...doc, index, folded, gaps, foldedTitle: foldText(doc.title).folded };
    });
    this.averageLength = this.docs.reduce((n, d) => n + d.folded.length, 0) / Math.max(1, this.docs.length);
    texts.pagefind?.forEach((id, i) => this.byPagefindId.set(id, this.docs[i]));
  }

  /** The measure a Pagefind result stands for. */
  docOfPagefindId(id: string): PreparedDoc | undefined {
    return this.byPagefindId.get(id);
  }

  /**
   * Every measure holding all `terms` (folded), ranked: BM25 over exact occurrences, with a
   * bonus when a term is in the title; ties in the report's order. With no terms, every
   * measure in the report's order (browsing by filters).
   */
  search(terms: readonly string[], selection: Selection = NO_SELECTION): ExactResult {
    const all: ExactMatch[] = [];
    if (terms.length === 0) {
      for (const doc of this.docs) all.push({ doc, counts: [], first: [], score: 0 });
    } else {
      const docFrequency = new Array<number>(terms.length).fill(0);
      for (const doc of this.docs) {
        const counts: number[] = [];
        const first: number[] = [];
        let holdsAll = true;
        for (const term of terms) {
          const at = doc.folded.indexOf(term);
          if (at < 0) {
            holdsAll = false;
            break;
          }
          let count = 1;
          for (let i = doc.folded.indexOf(term, at + term.length); i >= 0; i = doc.folded.indexOf(term, i + term.length)) count++;
          counts.push(count);
          first.push(at);
        }
        if (!holdsAll) continue;
        counts.forEach((_, t) => docFrequency[t]++);
        all.push({ doc, counts, first, score: 0 });
      }
      const n = this.docs.length;
      const k1 = 1.2;
      const b = 0.75;
      for (const match of all) {
        const lengthNorm = 1 - b + (b * match.doc.folded.length) / this.averageLength;
        let score = 0;
        terms.forEach((term, t) => {
          const idf = Math.log(1 + (n - docFrequency[t] + 0.5) / (docFrequency[t] + 0.5));
          const tf = match.counts[t];
          score += idf * ((tf * (k1 + 1)) / (tf + k1 * lengthNorm));
          if (match.doc.foldedTitle.includes(term)) score += idf;
        });
        match.score = score;
      }
      all.sort((a, b) => b.score - a.score || a.doc.n - b.doc.n);
    }
    return { all, shown: all.filter((m) => passes(m.doc, selection)), facets: facetCounts(all, selection, this.statuses.length, this.topics.length) };
  }
}

const passesStatus = (doc: PreparedDoc, s: Selection) => s.statuses.size === 0 || s.statuses.has(doc.status);
const passesTopic = (doc: PreparedDoc, s: Selection) => s.topics.size === 0 || doc.topics.some((t) => s.topics.has(t));

/** Filters combine: any of the chosen statuses, and any of the chosen topics. */
export function passes(doc: PreparedDoc, selection: Selection): boolean {
  return passesStatus(doc, selection) && passesTopic(doc, selection);
}

/**
 * Counts per filter value, the way a reader reads them: the number next to a status is how
 * many results that status would give with the topics as chosen, and the other way round.
 */
function facetCounts(matches: readonly ExactMatch[], selection: Selection, statusCount: number, topicCount: number): FacetCounts {
  const statuses = new Array<number>(statusCount).fill(0);
  const topics = new Array<number>(topicCount).fill(0);
  for (const { doc } of matches) {
    if (passesTopic(doc, selection)) statuses[doc.status]++;
    if (passesStatus(doc, selection)) for (const t of doc.topics) topics[t]++;
  }
  return { statuses, topics };
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
export function passage(doc: PreparedDoc, terms: readonly string[], length = 72): Passage {
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

/** Which of `parts` (folded words) a measure holds: for pages that match a query only in part. */
export function heldParts(doc: PreparedDoc, parts: readonly string[]): string[] {
  return parts.filter((p) => doc.folded.includes(p));
}
