/**
 * One search, as both search UIs run it: the exact matches at once (synchronous, from the
 * texts), then the pages that hold only part of the query (Pagefind's ranking, checked on the
 * texts). Loading starts when the reader first focuses a search box.
 */
import { ExactIndex, heldParts, passes, type ExactResult, type PreparedDoc, type Selection } from './engine.ts';
import { parseQuery, type ParsedQuery } from './normalize.ts';
import { loadPagefind, pagefindIds } from './pagefind-client.ts';
import { queryParts } from './parts.ts';
import { TEXTS_PATH, type SearchTexts } from './texts.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

let index: ExactIndex | undefined;
let loading: Promise<ExactIndex> | undefined;

/** Loads the texts (and starts Pagefind alongside); resolves when exact search can run. */
export function loadIndex(): Promise<ExactIndex> {
  loading ??= (async () => {
    void loadPagefind();
    // no-cache: revalidate, so texts and Pagefind's index always come from the same build.
    const response = await fetch(`${base}${TEXTS_PATH}`, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`Search: ${TEXTS_PATH} answered ${response.status}`);
    index = new ExactIndex((await response.json()) as SearchTexts);
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
  /** The parts of the query this measure holds. */
  held: string[];
}

/**
 * Measures that hold some of the query's parts (its words, or its words of two characters or
 * more) but not the query: Pagefind's results first, in its order, then any other measure that
 * holds a part; more parts held ranks higher. Empty for a query that has no parts (a single
 * word that is not made of words: 建会, 高铁).
 */
export async function searchPartial(index: ExactIndex, exact: Exact, selection: Selection): Promise<PartialMatch[]> {
  const parts = queryParts(exact.query);
  if (parts.length === 0) return [];
  const isExact = new Set(exact.result.all.map((m) => m.doc.index));
  const ids = await pagefindIds(exact.query.display.join(' '), {
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
    const held = heldParts(doc, parts);
    if (held.length) matches.push({ doc, held, rank: rank.get(doc.index) ?? Number.MAX_SAFE_INTEGER });
  }
  matches.sort((a, b) => b.held.length - a.held.length || a.rank - b.rank || a.doc.n - b.doc.n);
  return matches.map(({ doc, held }) => ({ doc, held }));
}
