/**
 * Which documents hold one folded word, exactly, and how often (index-format.ts says which
 * grams have postings): a word of one or two units is its posting; of three or four, its
 * posting if it has one, else the few documents its pairs leave, verified in their text; a
 * longer word, the documents its four-unit pieces leave, verified in their text.
 */
import { countIn, coverOf, MAX_GRAM, pairsOf, VERIFY_LIMIT, type Posting } from './index-format.ts';
import { foldText } from './normalize.ts';
import type { IndexStore } from './store.ts';

/** The documents holding a word: a posting (documents in order, counts, title flags). */
export type TermMatches = Posting;

const NONE: TermMatches = { docs: [], counts: [], inTitle: [] };

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

/** The documents that may hold `word` (folded, 3 units or more), or its exact posting. */
async function candidatesOf(store: IndexStore, word: string): Promise<{ exact: Posting } | { maybe: number[] }> {
  if (word.length <= MAX_GRAM) {
    const own = await store.posting(word);
    if (own) return { exact: own };
    const docs = await candidatesByPairs(store, word);
    return { maybe: docs === false ? [] : docs };
  }
  const pieces = await Promise.all(coverOf(word).map((piece) => candidatesOf(store, piece)));
  return { maybe: intersect(pieces.map((p) => ('exact' in p ? p.exact.docs : p.maybe))) };
}

/** Reads each candidate's text and keeps those that hold the word, with their counts. */
async function verify(store: IndexStore, word: string, docs: readonly number[]): Promise<TermMatches> {
  const fragments = await Promise.all(docs.map((d) => store.fragment(d)));
  const out: TermMatches = { docs: [], counts: [], inTitle: [] };
  fragments.forEach((f, i) => {
    const count = countIn(foldText(f.text).folded, word);
    if (!count) return;
    out.docs.push(docs[i]);
    out.counts.push(count);
    out.inTitle.push(foldText(f.title).folded.includes(word));
  });
  return out;
}

export async function termMatches(store: IndexStore, word: string): Promise<TermMatches> {
  if (!word) return NONE;
  if (word.length <= 2) return (await store.posting(word)) ?? NONE;
  const found = await candidatesOf(store, word);
  if ('exact' in found) return found.exact;
  return found.maybe.length ? verify(store, word, found.maybe) : NONE;
}
