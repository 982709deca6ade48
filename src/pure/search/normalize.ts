/**
 * What "holds the query exactly" means on this site: the same characters, in the same order,
 * once both the text and the query are folded by the rules below. Folding is per UTF-16 unit
 * and never turns one character into several, so a position in folded text maps straight back
 * to the original (only removed spaces shift it, and they are recorded).
 *
 * - traditional and variant characters become the simplified ones OpenCC gives them, one for
 *   one (`職工書屋` → `职工书屋`; the table: traditional-table.ts, see useTraditionalPairs);
 * - full-width ASCII forms become ASCII: `（` `，` `％` `Ａ` `１` → `(` `,` `%` `A` `1`
 *   (the report prints half-width punctuation; a Chinese IME types full-width);
 * - Latin letters ignore case: `app` finds `APP`;
 * - the middle-dot variants become `·` (`10・29` finds `10·29`), the dash variants `-`;
 * - spaces (including the ideographic space) are not characters of the text: they are removed
 *   from the text, and in a query they separate words that must all occur;
 * - a line break separates paragraphs and is kept, so no match runs across two paragraphs.
 *
 * The benchmark computes its ground truth with its own implementation of the same rules
 * (String.normalize('NFKC') and regular expressions), so the two are checked against each other.
 */

const MIDDLE_DOT = 0x00b7;
const HYPHEN = 0x2d;

let simplified = new Uint16Array(0);

/**
 * The traditional-to-simplified pairs folding uses (each two characters, as in
 * traditional-table.ts): the whole table when the index is built (src/build-time/search/), and in a
 * search only the pairs whose simplified character is in the report, which the index's manifest
 * carries (search.ts sets them), so the browser never loads the whole table. Folding a query
 * with fewer pairs finds the same: a character whose simplified form the report never uses
 * cannot match either way.
 */
export function useTraditionalPairs(pairs: string): void {
  simplified = new Uint16Array(pairs.length ? 0x10000 : 0);
  for (let i = 0; i + 1 < pairs.length; i += 2) simplified[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
}

/** The simplified form of an ideograph (itself when it has none). */
function simplify(c: number): number {
  return simplified[c] || c;
}

/** The folded form of one UTF-16 unit, or -1 when the unit is a space (removed). */
export function foldUnit(c: number): number {
  // Ideographs, the bulk of the text: checked first.
  if (c >= 0x3400 && c <= 0x9fff) return simplify(c);
  if (c >= 0xf900 && c <= 0xfaff) return simplify(c);
  if (c < 0x80) {
    if (c >= 0x41 && c <= 0x5a) return c + 0x20;
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0c || c === 0x0b) return -1;
    return c;
  }
  if (c >= 0xff01 && c <= 0xff5e) return foldUnit(c - 0xfee0);
  switch (c) {
    case 0x3000: // ideographic space
    case 0x00a0: // no-break space
    case 0x2002:
    case 0x2003:
    case 0x2009:
    case 0x200a:
    case 0x202f:
    case 0x205f:
    case 0x200b: // zero-width space
    case 0xfeff:
      return -1;
    case 0x30fb: // katakana middle dot ・
    case 0xff65: // half-width katakana middle dot ･
    case 0x2027: // hyphenation point ‧
    case 0x2219: // bullet operator ∙
    case 0x22c5: // dot operator ⋅
    case 0x2022: // bullet •
      return MIDDLE_DOT;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xfe58:
    case 0xfe63:
      return HYPHEN;
    default:
      return c;
  }
}

export interface FoldedText {
  /** The text folded: what queries are matched against. */
  folded: string;
  /**
   * Positions in `folded` before which a removed space stood (one entry per removed unit,
   * ascending). Usually empty: the report's text has a handful of spaces.
   */
  gaps: number[];
}

/** Folds a text for matching, remembering where spaces were removed. */
export function foldText(text: string): FoldedText {
  const gaps: number[] = [];
  const units: number[] = [];
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = foldUnit(c);
    if (f === -1) gaps.push(units.length);
    else units.push(f);
    if (f !== c) changed = true;
  }
  if (!changed) return { folded: text, gaps };
  let folded = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < units.length; i += 8192) folded += String.fromCharCode(...units.slice(i, i + 8192));
  return { folded, gaps };
}

/** Folds a query word (spaces already split off). */
export function foldWord(word: string): string {
  return foldText(word).folded;
}

/** The position in the original text of the unit at `index` in the folded text. */
export function originalIndex(gaps: readonly number[], index: number): number {
  let shift = 0;
  // Gaps are few (the report has 8 spaces in 30 measures): a linear scan is the fastest.
  for (const g of gaps) {
    if (g > index) break;
    shift++;
  }
  return index + shift;
}

/** Longest query the site accepts, in characters; longer input is cut (and the page says so). */
export const MAX_QUERY_LENGTH = 64;

export interface ParsedQuery {
  /** The query as typed, trimmed and cut to MAX_QUERY_LENGTH. */
  text: string;
  /** The words that must all occur, folded, in the order typed, without repeats. */
  terms: string[];
  /** The same words as typed (for showing them back to the reader). */
  display: string[];
}

/**
 * Splits a query into the words that must all occur. Spaces separate words; a query wrapped
 * in ASCII double quotes is one phrase whose spaces are ignored (the text has none), so
 * `"小康 奋斗"` finds 小康奋斗 and `小康 奋斗` finds pages with both words anywhere.
 */
export function parseQuery(input: string): ParsedQuery {
  const text = input.trim().slice(0, MAX_QUERY_LENGTH);
  // Only ASCII quotes group a phrase: “ ” are characters of the report's text (“六稳”).
  const quoted = /^"(.+)"$/s.exec(text);
  const pieces = quoted ? [quoted[1]] : text.split(/\s+/u);
  const terms: string[] = [];
  const display: string[] = [];
  for (const piece of pieces) {
    const folded = foldWord(piece).replace(/\n/g, '');
    if (!folded || terms.includes(folded)) continue;
    terms.push(folded);
    display.push(piece.replace(/\s+/gu, ''));
  }
  return { text, terms, display };
}
