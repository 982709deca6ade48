/**
 * How exact matches are ordered, and counted per filter value. BM25 over the exact occurrences
 * of each word, plus, for each word in a document's title, that word's IDF again (the title
 * bonus); ties in report order (document number).
 */
import type { DocRecord } from './index-format.ts';

/** The reader's choice of filters: status and topic indexes; empty means "any". */
export interface Selection {
  statuses: ReadonlySet<number>;
  topics: ReadonlySet<number>;
}

export const NO_SELECTION: Selection = { statuses: new Set(), topics: new Set() };

export const hasSelection = (s: Selection) => s.statuses.size > 0 || s.topics.size > 0;

const passesStatus = (r: DocRecord, s: Selection) => s.statuses.size === 0 || s.statuses.has(r.status);
const passesTopic = (r: DocRecord, s: Selection) => s.topics.size === 0 || r.topics.some((t) => s.topics.has(t));

/** Filters combine: any of the chosen statuses, and any of the chosen topics. */
export function passes(record: DocRecord, selection: Selection): boolean {
  return passesStatus(record, selection) && passesTopic(record, selection);
}

export interface FacetCounts {
  /** Per status index: matches with that status under the current topic choice. */
  statuses: number[];
  /** Per topic index: matches with that topic under the current status choice. */
  topics: number[];
}

/**
 * Counts per filter value, the way a reader reads them: the number next to a status is how many
 * results that status would give with the topics as chosen, and the other way round.
 */
export function facetCounts(records: readonly DocRecord[], selection: Selection, statusCount: number, topicCount: number): FacetCounts {
  const statuses = new Array<number>(statusCount).fill(0);
  const topics = new Array<number>(topicCount).fill(0);
  for (const r of records) {
    if (r.status < 0) continue;
    if (passesTopic(r, selection)) statuses[r.status]++;
    if (passesStatus(r, selection)) for (const t of r.topics) topics[t]++;
  }
  return { statuses, topics };
}

export interface TermStats {
  /** Documents holding the word, in the whole index. */
  documentFrequency: number;
}

export interface Occurrence {
  count: number;
  inTitle: boolean;
}

const K1 = 1.2;
const B = 0.75;

/** The score of a document for the words it holds (`held[t]` undefined: it does not hold word t). */
export function bm25(held: readonly (Occurrence | undefined)[], terms: readonly TermStats[], length: number, documents: number, averageLength: number): number {
  const lengthNorm = 1 - B + (B * length) / Math.max(1, averageLength);
  let score = 0;
  held.forEach((o, t) => {
    if (!o) return;
    const df = terms[t].documentFrequency;
    const idf = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
    score += idf * ((o.count * (K1 + 1)) / (o.count + K1 * lengthNorm));
    if (o.inTitle) score += idf;
  });
  return score;
}
