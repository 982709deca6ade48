/**
 * The source text, as extracted, writes Chinese sentences with ASCII punctuation (`,` `(` `)`
 * `;` `:`), which browsers draw as narrow Latin glyphs. Reading pages show them as the Chinese
 * (full-width) marks a Chinese reader expects; /source/ keeps the text as extracted. This is the
 * one mapping, used on the syntax tree of a page (src/build-time/markdown/rehype-chinese-punctuation.ts)
 * and on the source's words an editor copied into frontmatter (titles, documents, quotations).
 *
 * A mark is Chinese when it stands in Chinese: its nearest neighbour (spaces skipped) before or
 * after is a Chinese character or mark. So `1,200`, `10:30`, `(a, b)` and Latin sentences keep
 * their ASCII marks. A pair of brackets changes together: when the text inside or either
 * neighbour outside is Chinese (`(2017—2021年)` → `（2017—2021年）`, `APP(Android)版` →
 * `APP（Android）版`). Pure, and one character for one, so positions in the text do not move.
 */

const MARKS: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };
const OPEN = '(';
const CLOSE = ')';
const BRACKETS = { [OPEN]: '（', [CLOSE]: '）' } as const;

/**
 * A character of Chinese text: Han ideographs, CJK symbols and punctuation (。、《》「」…),
 * full-width forms (，（）：), and the quotation marks, dash and ellipsis Chinese text shares
 * with Western typography (“ ” ‘ ’ — …).
 */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026]/u;
const SPACE = /\s/;

/** Whether the character (code point) starting or ending at UTF-16 index `i` is Chinese. */
function chineseAt(text: string, i: number, step: -1 | 1): boolean {
  const unit = text.charCodeAt(i);
  // The other half of a surrogate pair, for an ideograph beyond the BMP.
  const start = step === -1 && unit >= 0xdc00 && unit <= 0xdfff && i > 0 ? i - 1 : i;
  return CHINESE.test(String.fromCodePoint(text.codePointAt(start)!));
}

/** The text with each ASCII mark that stands in Chinese text replaced by its Chinese form. */
export function chinesePunctuation(text: string): string {
  if (!/[,;:!?()]/.test(text)) return text;
  // Replacements by position; a mark replaced counts as Chinese for the marks next to it (`)》,`).
  const replaced = new Map<number, string>();
  /** Whether the nearest character that is not a space, from `from` going by `step`, is Chinese. */
  const chineseNeighbour = (from: number, step: -1 | 1) => {
    for (let i = from; i >= 0 && i < text.length; i += step) if (!SPACE.test(text[i])) return replaced.has(i) || chineseAt(text, i, step);
    return false;
  };
  const besideChinese = (before: number, after: number) => chineseNeighbour(before, -1) || chineseNeighbour(after, 1);
  // Brackets first, as pairs (innermost close first), then the lone ones.
  const open: number[] = [];
  const pairs: [number, number][] = [];
  const unpaired: number[] = [];
  for (const m of text.matchAll(/[()]/g)) {
    if (m[0] === OPEN) open.push(m.index);
    else {
      const from = open.pop();
      if (from === undefined) unpaired.push(m.index);
      else pairs.push([from, m.index]);
    }
  }
  unpaired.push(...open);
  for (const [from, to] of pairs) {
    if (CHINESE.test(text.slice(from + 1, to)) || besideChinese(from - 1, to + 1)) {
      replaced.set(from, BRACKETS[OPEN]);
      replaced.set(to, BRACKETS[CLOSE]);
    }
  }
  for (const i of unpaired) if (besideChinese(i - 1, i + 1)) replaced.set(i, BRACKETS[text[i] as keyof typeof BRACKETS]);
  for (const m of text.matchAll(/[,;:!?]/g)) if (besideChinese(m.index - 1, m.index + 1)) replaced.set(m.index, MARKS[m[0]]);
  if (!replaced.size) return text;
  let out = '';
  let from = 0;
  for (const at of [...replaced.keys()].sort((a, b) => a - b)) {
    out += text.slice(from, at) + replaced.get(at);
    from = at + 1;
  }
  return out + text.slice(from);
}
