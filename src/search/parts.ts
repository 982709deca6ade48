/**
 * The parts of a query a page can hold without holding the query: its words, when the reader
 * typed several, and the words of two characters or more that a Chinese word segmenter finds
 * in each (绿色生态工匠 → 绿色, 生态, 工匠). Single characters are never parts: a page that has
 * 建 and 会 somewhere does not match 建会 even in part, and 高 is not part of a match for 高铁.
 */
import { foldWord, type ParsedQuery } from './normalize.ts';

type Segment = (text: string) => string[];

let segmenter: Intl.Segmenter | undefined;
const intlWords: Segment = (text) => {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
};

export function queryParts(query: ParsedQuery, words: Segment = intlWords): string[] {
  const parts: string[] = [];
  const add = (part: string) => {
    if ([...part].length >= 2 && !parts.includes(part) && !(query.terms.length === 1 && part === query.terms[0])) parts.push(part);
  };
  if (query.terms.length > 1) query.terms.forEach(add);
  for (const word of query.display) for (const w of words(word)) add(foldWord(w));
  return parts;
}
