/**
 * Which documents hold one folded word, exactly, and how often (index-format.ts says which
 * grams have postings): a word of one or two units is its posting; of three or four, its
 * posting if it has one, else the few documents its pairs leave, verified in their text; a
 * longer word, the documents its four-unit pieces leave — verified in their text when they are
 * few (VERIFY_LIMIT), otherwise left unread: the search reads them a page of results at a time
 * (ranked.ts), so a first search never reads hundreds of texts.
 */
import { countIn, coverOf, MAX_GRAM, pairsOf, VERIFY_LIMIT, type Posting } from './index-format.ts';
import { foldText } from './normalize.ts';
import type { Occurrence } from './rank.ts';
import type { IndexStore } from './store.ts';

/** The documents that hold a word, or may hold it. */
export interface TermMatches extends Posting {
  /**
   * True: `docs` are exactly the documents holding the word. False: they may hold it (its
   * pieces all occur there), and `counts` and `inTitle` are the most it can have in each:
   * every occurrence of the word holds an occurrence of each piece.
   */
  sure: boolean;
}

const NONE: TermMatches = { docs: [], counts: [], inTitle: [], sure: true };

function intersect(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 0) return [];
  const [shortest, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  const sets = rest.map((l) => new Set(l));
  return shortest.filter((d) => sets.every((s) => s.has(d)));
}

/**
 * The documents that may hold a word of 3–4 units that has no posting of its own, or `false`
 * when too many remain for it to be in the text at all (the build gives every such word that
 * occurs a posting).
 */
async function candidatesByPairs(store: IndexStore, word: string): Promise<number[] | false> {
  const postings = await Promise.all(pairsOf(word).map((p) => store.posting(p)));
  if (postings.some((p) => !p)) return [];
  const docs = intersect(postings.map((p) => p!.docs));
  return docs.length > VERIFY_LIMIT ? false : docs;
}

type Found = { exact: Posting } | { maybe: number[] } | { bounded: TermMatches };

/** The documents that may hold `word` (folded, 3 units or more), or its exact posting. */
async function candidatesOf(store: IndexStore, word: string): Promise<Found> {
  if (word.length <= MAX_GRAM) {
    const own = await store.posting(word);
    if (own) return { exact: own };
    const docs = await candidatesByPairs(store, word);
    return { maybe: docs === false ? [] : docs };
  }
  const pieces = (await Promise.all(coverOf(word).map((piece) => candidatesOf(store, piece)))) as ({ exact: Posting } | { maybe: number[] })[];
  const docs = intersect(pieces.map((p) => ('exact' in p ? p.exact.docs : p.maybe)));
  if (docs.length <= VERIFY_LIMIT) return { maybe: docs };
  // More than VERIFY_LIMIT: every piece has a posting (a piece without one leaves at most VERIFY_LIMIT).
  const postings = pieces.map((p) => (p as { exact: Posting }).exact);
  const at = postings.map((p) => new Map(p.docs.map((d, i) => [d, i] as const)));
  const bounded: TermMatches = { docs, counts: [], inTitle: [], sure: false };
  for (const d of docs) {
    bounded.counts.push(Math.min(...postings.map((p, k) => p.counts[at[k].get(d)!])));
    bounded.inTitle.push(postings.every((p, k) => p.inTitle[at[k].get(d)!]));
  }
  return { bounded };
}

/** Whether each of `docs` holds `word` (folded), read in their text: how often, and whether its title holds it. */
export async function readIn(store: IndexStore, word: string, docs: readonly number[]): Promise<(Occurrence | undefined)[]> {
  const fragments = await Promise.all(docs.map((d) => store.fragment(d)));
  return fragments.map((f) => {
    const count = countIn(foldText(f.text).folded, word);
    return count ? { count, inTitle: foldText(f.title).folded.includes(word) } : undefined;
  });
}

/** Reads each candidate's text and keeps those that hold the word, with their counts. */
async function verify(store: IndexStore, word: string, docs: readonly number[]): Promise<TermMatches> {
  const held = await readIn(store, word, docs);
  const out: TermMatches = { docs: [], counts: [], inTitle: [], sure: true };
  held.forEach((o, i) => {
    if (!o) return;
    out.docs.push(docs[i]);
    out.counts.push(o.count);
    out.inTitle.push(o.inTitle);
  });
  return out;
}

const sure = (p: Posting | undefined): TermMatches => (p ? { ...p, sure: true } : NONE);

export async function termMatches(store: IndexStore, word: string): Promise<TermMatches> {
  if (!word) return NONE;
  if (word.length <= 2) return sure(await store.posting(word));
  const found = await candidatesOf(store, word);
  if ('exact' in found) return sure(found.exact);
  if ('bounded' in found) return found.bounded;
  return found.maybe.length ? verify(store, word, found.maybe) : NONE;
}
