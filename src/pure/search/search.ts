/**
 * One search over an index (store.ts): the documents that hold every word of the query, best
 * first, with counts per filter value; the documents that hold only some of its words; shorter
 * words inside a one-word query to search for instead. What it reads is kept, so the next
 * query that needs the same postings or texts reads nothing. A long word that hundreds of
 * documents may hold is read in their text a page of results at a time (ranked.ts): until all
 * are read, a list knows how many it holds at least, and its filters' counts are the most.
 */
import { DOC_KINDS, documentCount, kindOf, RECORD_BLOCK, type DocRecord, type SearchManifest } from './index-format.ts';
import type { Match } from './match.ts';
import { parseQuery, useTraditionalPairs, type ParsedQuery } from './normalize.ts';
import { subWords } from './parts.ts';
import { bm25, facetCounts, hasSelection, passes, type FacetCounts, type Occurrence, type Selection } from './rank.ts';
import { Ranked, type Item } from './ranked.ts';
import type { IndexStore } from './store.ts';
import { readIn, termMatches, type TermMatches } from './term-matches.ts';

export type { Match };

/** Results a list shows at first. */
export const FIRST_PAGE = 20;

export interface ExactResult {
  query: ParsedQuery;
  /** The documents that hold every word, best first; `list.shown`, with the filters applied, is what the reader is shown. */
  list: Ranked;
  /** Counts per filter value: the most each could be when `facetsAtMost` (documents left unread). */
  facets: FacetCounts;
  facetsAtMost: boolean;
}

export interface Suggestion {
  /** The shorter word, as typed. */
  display: string;
  term: string;
  /** Documents that hold it, with the filters applied. */
  count: number;
}

type Lookup = Map<number, Occurrence>;
const lookupOf = (m: TermMatches): Lookup => new Map(m.docs.map((d, i) => [d, { count: m.counts[i], inTitle: m.inTitle[i] }]));
const byScore = (a: Match, b: Match) => b.score - a.score || a.doc - b.doc;
const heldCount = (m: Match) => m.held.filter(Boolean).length;
/** Partial matches: those holding more words first, then by score, then in report order. */
const byHeldThenScore = (a: Match, b: Match) => heldCount(b) - heldCount(a) || byScore(a, b);

export class Searcher {
  readonly manifest: SearchManifest;
  readonly store: IndexStore;
  private readonly terms = new Map<string, Promise<TermMatches>>();
  /** For each word whose documents are not sure: what reading a document's text told. */
  private readonly read = new Map<string, Map<number, Occurrence | undefined>>();

  // No parameter properties: Node runs this module (the benchmark, the tests) by stripping types only.
  constructor(store: IndexStore) {
    this.store = store;
    this.manifest = store.manifest;
  }

  /** The documents holding (or that may hold) one folded word (kept for the next query). */
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
    // A word whose documents are not sure counts those that may hold it: the same before and after reading.
    const stats = matches.map((m) => ({ documentFrequency: m.docs.length }));
    return bm25(held, stats, record.length, documentCount(this.manifest), this.manifest.averageLength);
  }

  /** Folding as this index was made (normalize.ts): set before each search, as another index may have set its own. */
  private fold(): void {
    useTraditionalPairs(this.manifest.traditional);
  }

  /**
   * What is known of each word in a document: the most the index says it can have (`most`),
   * what it has (`held`: the same, or what its text said when read), the words not sure there
   * without reading (`unsure`), and those of them not read yet (`unread`).
   */
  private known(terms: readonly string[], matches: TermMatches[], lookups: Lookup[], doc: number) {
    const unsure: number[] = [];
    const unread: number[] = [];
    const most = lookups.map((l) => l.get(doc));
    const held = terms.map((term, t) => {
      if (!most[t] || matches[t].sure) return most[t];
      unsure.push(t);
      const read = this.read.get(term);
      if (read?.has(doc)) return read.get(doc);
      unread.push(t);
      return most[t];
    });
    return { most, held, unsure, unread };
  }

  /** Reads, in the documents' text, the words not sure there (kept for later queries). */
  private async readWords(terms: readonly string[], matches: TermMatches[], lookups: Lookup[], docs: readonly number[]): Promise<void> {
    await Promise.all(
      terms.map(async (term, t) => {
        if (matches[t].sure) return;
        let read = this.read.get(term);
        if (!read) this.read.set(term, (read = new Map()));
        const unread = docs.filter((d) => lookups[t].has(d) && !read.has(d));
        (await readIn(this.store, term, unread)).forEach((o, i) => read.set(unread[i], o));
      }),
    );
  }

  /**
   * A list of the documents `docs` where `belongs` says, from what each holds, whether a
   * document is in it; those not sure yet are read when the list is extended, in the order of
   * the most each can have: the first in `order` of what `most` says it may hold at best (by
   * default, every word it may hold).
   */
  private async listOf(
    terms: readonly string[],
    matches: TermMatches[],
    docs: readonly number[],
    order: (a: Match, b: Match) => number,
    keep: (m: Match) => boolean,
    belongs: (held: (Occurrence | undefined)[]) => boolean,
    most: (held: (Occurrence | undefined)[], unsure: number[]) => (Occurrence | undefined)[][] = (held) => [held],
  ): Promise<Ranked> {
    const lookups = matches.map(lookupOf);
    const records = await this.recordsOf(docs);
    const make = (doc: number, held: (Occurrence | undefined)[]): Match => {
      const record = records.get(doc)!;
      return { doc, kind: kindOf(this.manifest, doc), record, held, score: this.score(held, matches, record) };
    };
    const items: Item[] = [];
    for (const doc of docs) {
      const known = this.known(terms, matches, lookups, doc);
      // Ranked by what the index says, whatever was read before: the same order every time.
      const best = most(known.most, known.unsure)
        .map((h) => make(doc, h))
        .sort(order)[0];
      // A document not read yet may lose words, never gain them: it can only leave the list by reading.
      if (known.unread.length) items.push({ most: best });
      else if (belongs(known.held)) items.push({ most: best, known: make(doc, known.held) });
    }
    return new Ranked(items, order, keep, async (batch) => {
      await this.readWords(
        terms,
        matches,
        lookups,
        batch.map((m) => m.doc),
      );
      return batch.map((m) => {
        const { held } = this.known(terms, matches, lookups, m.doc);
        return belongs(held) ? make(m.doc, held) : undefined;
      });
    });
  }

  private keeper(selection: Selection): (m: Match) => boolean {
    return hasSelection(selection) ? (m) => m.kind === 'measure' && passes(m.record, selection) : () => true;
  }

  /**
   * The documents holding every word of the query as typed, or, with no words, every measure in
   * report order; at least `wanted` shown when there are so many (more: `list.extend`).
   */
  async exact(text: string, selection: Selection, wanted = FIRST_PAGE): Promise<ExactResult> {
    this.fold();
    const query = parseQuery(text);
    const { statuses, topics } = this.manifest;
    if (query.terms.length === 0) return this.browse(query, selection);
    const matches = await Promise.all(query.terms.map((t) => this.matches(t)));
    const [first, ...others] = [...matches].sort((a, b) => a.docs.length - b.docs.length);
    const sets = others.map((m) => new Set(m.docs));
    const docs = first.docs.filter((d) => sets.every((s) => s.has(d)));
    const list = await this.listOf(query.terms, matches, docs, byScore, this.keeper(selection), (held) => held.every(Boolean));
    await list.extend(wanted);
    const facets = facetCounts(
      [...list.all, ...list.unread].map((m) => m.record),
      selection,
      statuses.length,
      topics.length,
    );
    return { query, list, facets, facetsAtMost: list.unread.length > 0 };
  }

  /** No words: every measure in report order; the records are read only when filters are chosen. */
  private async browse(query: ParsedQuery, selection: Selection): Promise<ExactResult> {
    const { first, count } = this.manifest.kinds.measure;
    const docs = Array.from({ length: count }, (_, i) => first + i);
    const inOrder = (a: Match, b: Match) => a.doc - b.doc;
    const none = async () => [];
    if (!hasSelection(selection)) {
      const noRecord: DocRecord = { status: -1, topics: [], length: 0 };
      const all = docs.map((doc): Match => ({ doc, kind: 'measure', record: noRecord, held: [], score: 0 }));
      return {
        query,
        list: new Ranked(
          all.map((m) => ({ most: m, known: m })),
          inOrder,
          () => true,
          none,
        ),
        facets: { statuses: [...this.manifest.statusCounts], topics: [...this.manifest.topicCounts] },
        facetsAtMost: false,
      };
    }
    const records = await this.recordsOf(docs);
    const all = docs.map((doc): Match => ({ doc, kind: 'measure', record: records.get(doc)!, held: [], score: 0 }));
    const facets = facetCounts(
      all.map((m) => m.record),
      selection,
      this.manifest.statuses.length,
      this.manifest.topics.length,
    );
    return {
      query,
      list: new Ranked(
        all.map((m) => ({ most: m, known: m })),
        inOrder,
        (m) => passes(m.record, selection),
        none,
      ),
      facets,
      facetsAtMost: false,
    };
  }

  /**
   * For a query of several words: the documents that hold some of them but not all, those
   * holding more words first, then by score over the words they hold, then in report order
   * (those that might have held every word, found lacking one in their text, after the rest,
   * read only when more is asked for); at least `wanted` shown when there are so many.
   */
  async partial(exact: ExactResult, selection: Selection, wanted = FIRST_PAGE): Promise<Ranked> {
    this.fold();
    const { terms } = exact.query;
    const keep = this.keeper(selection);
    if (terms.length < 2) return new Ranked([], byHeldThenScore, keep, async () => []);
    const matches = await Promise.all(terms.map((t) => this.matches(t)));
    const isExact = new Set(exact.list.all.map((m) => m.doc));
    const docs = [...new Set(matches.flatMap((m) => m.docs))].filter((d) => !isExact.has(d)).sort((a, b) => a - b);
    // A place the postings say may hold every word, whose text lacks one, comes after the others:
    // else the first page would read every such place (most do hold every word: exact matches).
    const sets = matches.map((m) => new Set(m.docs));
    const mayHoldAll = new Set(docs.filter((d) => sets.every((set) => set.has(d))));
    const order = (a: Match, b: Match) => Number(mayHoldAll.has(a.doc)) - Number(mayHoldAll.has(b.doc)) || byHeldThenScore(a, b);
    // Such a place lacks one of the words not sure there: at best, the one that scores least.
    const most = (held: (Occurrence | undefined)[], unsure: number[]) =>
      held.every(Boolean) ? unsure.map((t) => held.map((o, i) => (i === t ? undefined : o))) : [held];
    const list = await this.listOf(terms, matches, docs, order, keep, (held) => held.some(Boolean) && !held.every(Boolean), most);
    // Those are read only when the reader asks for more (list.extend).
    await list.extend(wanted, (m) => !mayHoldAll.has(m.doc));
    return list;
  }

  /**
   * Shorter words inside a one-word query that more documents hold than the query itself: a
   * suggestion that finds the same documents would add nothing. (A shorter word whose documents
   * are not sure without reading them is not offered: its count is not known.)
   */
  async suggestions(exact: ExactResult, selection: Selection): Promise<Suggestion[]> {
    this.fold();
    const out: Suggestion[] = [];
    const most = exact.list.found + exact.list.unreadShown;
    for (const w of subWords(exact.query)) {
      const m = await this.matches(w.term);
      if (!m.sure) continue;
      const records = await this.recordsOf(m.docs);
      const count = hasSelection(selection)
        ? m.docs.filter((d) => kindOf(this.manifest, d) === 'measure' && passes(records.get(d)!, selection)).length
        : m.docs.length;
      if (count > most) out.push({ display: w.display, term: w.term, count });
    }
    return out;
  }
}

/** The record blocks holding these documents (for stores that read records by block). */
export function blocksOf(docs: readonly number[]): number[] {
  return [...new Set(docs.map((d) => Math.floor(d / RECORD_BLOCK)))].sort((a, b) => a - b);
}

export { DOC_KINDS };
