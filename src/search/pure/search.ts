/**
 * One search over an index (store.ts): the documents that hold every word of the query, best
 * first, with counts per filter value; the documents that hold only some of its words; shorter
 * words inside a one-word query to search for instead. What it reads is kept, so the next
 * query that needs the same postings or texts reads nothing.
 */
import { DOC_KINDS, documentCount, kindOf, RECORD_BLOCK, type DocKind, type DocRecord, type SearchManifest } from './index-format.ts';
import { parseQuery, useTraditionalPairs, type ParsedQuery } from './normalize.ts';
import { subWords } from './parts.ts';
import { bm25, facetCounts, hasSelection, passes, type FacetCounts, type Occurrence, type Selection } from './rank.ts';
import type { IndexStore } from './store.ts';
import { termMatches, type TermMatches } from './term-matches.ts';

export interface Match {
  doc: number;
  kind: DocKind;
  record: DocRecord;
  /** Occurrences of each of the query's words (undefined: not held). */
  held: (Occurrence | undefined)[];
  score: number;
}

export interface ExactResult {
  query: ParsedQuery;
  /** Every document that holds all words, best first, before filters. */
  all: Match[];
  /** The same, with the filters applied: what the reader is shown. */
  shown: Match[];
  facets: FacetCounts;
}

export interface Suggestion {
  /** The shorter word, as typed. */
  display: string;
  term: string;
  /** Documents that hold it, with the filters applied. */
  count: number;
}

export class Searcher {
  readonly manifest: SearchManifest;
  readonly store: IndexStore;
  private readonly terms = new Map<string, Promise<TermMatches>>();

  // No parameter properties: Node runs this module (the benchmark, the tests) by stripping types only.
  constructor(store: IndexStore) {
    this.store = store;
    this.manifest = store.manifest;
  }

  /** The documents holding one folded word (kept for the next query). */
  matches(term: string): Promise<TermMatches> {
    let m = this.terms.get(term);
    if (!m) {
      m = termMatches(this.store, term);
      this.terms.set(term, m);
      m.catch(() => this.terms.delete(term));
    }
    return m;
  }

  private async recordsOf(docs: readonly number[]): Promise<Map<number, DocRecord>> {
    const records = await this.store.records(docs);
    return new Map(docs.map((d, i) => [d, records[i]]));
  }

  private score(held: (Occurrence | undefined)[], matches: TermMatches[], record: DocRecord): number {
    const stats = matches.map((m) => ({ documentFrequency: m.docs.length }));
    return bm25(held, stats, record.length, documentCount(this.manifest), this.manifest.averageLength);
  }

  private rank(list: Match[]): Match[] {
    return list.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** Folding as this index was made (normalize.ts): set before each search, as another index may have set its own. */
  private fold(): void {
    useTraditionalPairs(this.manifest.traditional);
  }

  /** The documents holding every word of the query as typed, or, with no words, every measure in report order. */
  async exact(text: string, selection: Selection): Promise<ExactResult> {
    this.fold();
    const query = parseQuery(text);
    const { statuses, topics } = this.manifest;
    if (query.terms.length === 0) return this.browse(query, selection);
    const matches = await Promise.all(query.terms.map((t) => this.matches(t)));
    const lookup = matches.map((m) => new Map(m.docs.map((d, i) => [d, { count: m.counts[i], inTitle: m.inTitle[i] }])));
    const [first, ...others] = [...lookup].sort((a, b) => a.size - b.size);
    const docs = [...first.keys()].filter((d) => others.every((o) => o.has(d))).sort((a, b) => a - b);
    const records = await this.recordsOf(docs);
    const all = this.rank(
      docs.map((doc) => {
        const held = lookup.map((l) => l.get(doc));
        const record = records.get(doc)!;
        return { doc, kind: kindOf(this.manifest, doc), record, held, score: this.score(held, matches, record) };
      }),
    );
    const facets = facetCounts(all.map((m) => m.record), selection, statuses.length, topics.length);
    return { query, all, shown: hasSelection(selection) ? all.filter((m) => m.kind === 'measure' && passes(m.record, selection)) : all, facets };
  }

  /** No words: every measure in report order; the records are read only when filters are chosen. */
  private async browse(query: ParsedQuery, selection: Selection): Promise<ExactResult> {
    const { first, count } = this.manifest.kinds.measure;
    const docs = Array.from({ length: count }, (_, i) => first + i);
    const noRecord: DocRecord = { status: -1, topics: [], length: 0 };
    if (!hasSelection(selection)) {
      const all = docs.map((doc): Match => ({ doc, kind: 'measure', record: noRecord, held: [], score: 0 }));
      return { query, all, shown: all, facets: { statuses: [...this.manifest.statusCounts], topics: [...this.manifest.topicCounts] } };
    }
    const records = await this.recordsOf(docs);
    const all = docs.map((doc): Match => ({ doc, kind: 'measure', record: records.get(doc)!, held: [], score: 0 }));
    const facets = facetCounts(all.map((m) => m.record), selection, this.manifest.statuses.length, this.manifest.topics.length);
    return { query, all, shown: all.filter((m) => passes(m.record, selection)), facets };
  }

  /**
   * For a query of several words: the documents that hold some of them but not all, those
   * holding more words first, then by score over the words they hold, then in report order.
   */
  async partial(exact: ExactResult, selection: Selection): Promise<Match[]> {
    this.fold();
    const { terms } = exact.query;
    if (terms.length < 2) return [];
    const matches = await Promise.all(terms.map((t) => this.matches(t)));
    const isExact = new Set(exact.all.map((m) => m.doc));
    const lookup = matches.map((m) => new Map(m.docs.map((d, i) => [d, { count: m.counts[i], inTitle: m.inTitle[i] }])));
    const docs = [...new Set(matches.flatMap((m) => m.docs))].filter((d) => !isExact.has(d)).sort((a, b) => a - b);
    const records = await this.recordsOf(docs);
    const list = docs
      .map((doc): Match => {
        const held = lookup.map((l) => l.get(doc));
        const record = records.get(doc)!;
        return { doc, kind: kindOf(this.manifest, doc), record, held, score: this.score(held, matches, record) };
      })
      .filter((m) => !hasSelection(selection) || (m.kind === 'measure' && passes(m.record, selection)));
    const heldCount = (m: Match) => m.held.filter(Boolean).length;
    return list.sort((a, b) => heldCount(b) - heldCount(a) || b.score - a.score || a.doc - b.doc);
  }

  /**
   * Shorter words inside a one-word query that more documents hold than the query itself: a
   * suggestion that finds the same documents would add nothing.
   */
  async suggestions(exact: ExactResult, selection: Selection): Promise<Suggestion[]> {
    this.fold();
    const out: Suggestion[] = [];
    for (const w of subWords(exact.query)) {
      const m = await this.matches(w.term);
      const records = await this.recordsOf(m.docs);
      const count = hasSelection(selection) ? m.docs.filter((d) => kindOf(this.manifest, d) === 'measure' && passes(records.get(d)!, selection)).length : m.docs.length;
      if (count > exact.shown.length) out.push({ display: w.display, term: w.term, count });
    }
    return out;
  }
}

/** The record blocks holding these documents (for stores that read records by block). */
export function blocksOf(docs: readonly number[]): number[] {
  return [...new Set(docs.map((d) => Math.floor(d / RECORD_BLOCK)))].sort((a, b) => a - b);
}

export { DOC_KINDS };
