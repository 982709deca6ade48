/**
 * One search, as both search UIs run it: the exact matches at once (synchronous, from the
 * texts); for a query of several words, the measures that hold only some of the words
 * (ranked by Pagefind, checked on the texts); for a one-word query, shorter words inside it
 * that the reader may search for instead. Loading starts when the reader first focuses a
 * search box.
 */
import { ExactIndex, heldParts, passes, type ExactResult, type PreparedDoc, type Selection } from './engine.ts';
import { parseQuery, type ParsedQuery } from './normalize.ts';
import { loadPagefind, pagefindIds } from './pagefind-client.ts';
import { subWords } from './parts.ts';
import { TEXTS_PATH, type SearchTexts } from './texts.ts';

declare global {
  interface Window {
    /** The texts, requested by the loader alongside the UI module (src/search/loader.ts). */
    reportSearchTexts?: Promise<Response>;
  }
}

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

let index: ExactIndex | undefined;
let loading: Promise<ExactIndex> | undefined;

/** Loads the texts; resolves when exact search can run. Pagefind loads next, off that path. */
export function loadIndex(): Promise<ExactIndex> {
  loading ??= (async () => {
    const early = window.reportSearchTexts;
    window.reportSearchTexts = undefined;
    let response = early ? await early.catch(() => undefined) : undefined;
    // no-cache: revalidate, so texts and Pagefind's index always come from the same build.
    if (!response?.ok) response = await fetch(`${base}${TEXTS_PATH}`, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`Search: ${TEXTS_PATH} answered ${response.status}`);
    const texts = (await response.json()) as SearchTexts;
    performance.mark('search:texts-loaded');
    index = new ExactIndex(texts);
    // Marks for the benchmark and for anyone profiling (DevTools → Performance → Timings).
    performance.mark('search:index-ready');
    setTimeout(() => void loadPagefind(), 0);
    return index;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The index if it has loaded. */
export const loadedIndex = () => index;

export interface Exact {
  query: ParsedQuery;
  result: ExactResult;
}

export function searchExact(index: ExactIndex, text: string, selection: Selection): Exact {
  const query = parseQuery(text);
  return { query, result: index.search(query.terms, selection) };
}

export interface PartialMatch {
  doc: PreparedDoc;
  /** The query's words this measure holds (folded). */
  held: string[];
  /** The same, as the reader typed them. */
  heldDisplay: string[];
}

/**
 * For a query of several words: the measures that hold some of the words but not all, those
 * that hold more words first, then in Pagefind's order (its ranking of the words), then in the
 * report's order. A one-word query has no partial matches: a measure holds the word or not.
 */
export async function searchPartial(index: ExactIndex, exact: Exact, selection: Selection): Promise<PartialMatch[]> {
  const { terms, display } = exact.query;
  if (terms.length < 2) return [];
  const isExact = new Set(exact.result.all.map((m) => m.doc.index));
  const ids = await pagefindIds(display.join(' '), {
    statuses: [...selection.statuses].map((s) => index.statuses[s].label),
    topics: [...selection.topics].map((t) => index.topics[t]),
  });
  const rank = new Map<number, number>();
  ids.forEach((id, i) => {
    const doc = index.docOfPagefindId(id);
    if (doc && !rank.has(doc.index)) rank.set(doc.index, i);
  });
  const matches: (PartialMatch & { rank: number })[] = [];
  for (const doc of index.docs) {
    if (isExact.has(doc.index) || !passes(doc, selection)) continue;
    const held = heldParts(doc, terms);
    if (held.length) matches.push({ doc, held, heldDisplay: held.map((h) => display[terms.indexOf(h)]), rank: rank.get(doc.index) ?? Number.MAX_SAFE_INTEGER });
  }
  matches.sort((a, b) => b.held.length - a.held.length || a.rank - b.rank || a.doc.n - b.doc.n);
  return matches.map(({ doc, held, heldDisplay }) => ({ doc, held, heldDisplay }));
}

export interface Suggestion {
  display: string;
  /** Measures that hold it, with the filters applied. */
  count: number;
}

/** Shorter words inside a one-word query that the text holds, to search for instead. */
export function suggestions(index: ExactIndex, exact: Exact, selection: Selection): Suggestion[] {
  return subWords(exact.query)
    .map((w) => ({ display: w.display, count: index.search([w.term], selection).shown.length }))
    .filter((s) => s.count > 0);
}
