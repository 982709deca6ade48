/**
 * The shorter words inside a one-word query, for suggesting other searches: the words of two
 * characters or more that a Chinese word segmenter finds in it (绿色生态工匠 → 绿色, 生态, 工匠;
 * 新冠疫苗 → 新冠, 疫苗). Single characters are never suggested: 建会 is not 建 or 会.
 * Suggestions are searches the reader may choose, never results: a page that holds 新冠 does
 * not match 新冠疫苗, even in part.
 */
import { foldWord, type ParsedQuery } from './normalize.ts';

type Segment = (text: string) => string[];

let segmenter: Intl.Segmenter | undefined;
const intlWords: Segment = (text) => {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
};

export interface SubWord {
  /** Folded, for searching. */
  term: string;
  /** As typed. */
  display: string;
}

export function subWords(query: ParsedQuery, words: Segment = intlWords): SubWord[] {
  if (query.terms.length !== 1) return [];
  const out: SubWord[] = [];
  for (const w of words(query.display[0])) {
    const term = foldWord(w);
    if ([...term].length >= 2 && term !== query.terms[0] && !out.some((s) => s.term === term)) out.push({ term, display: w });
  }
  return out;
}
