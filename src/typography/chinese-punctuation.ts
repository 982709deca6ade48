/**
 * The source text, as extracted, writes Chinese sentences with ASCII punctuation (`,` `(` `)`
 * `;` `:`), which browsers draw as narrow Latin glyphs. Reading pages show them as the Chinese
 * (full-width) marks a Chinese reader expects; /source/ keeps the text as extracted. This is the
 * one mapping, used on the syntax tree of a page (src/markdown/rehype-chinese-punctuation.ts)
 * and on the source's words an editor copied into frontmatter (titles, documents, quotations).
 *
 * A mark is Chinese when it stands in Chinese: its nearest neighbour (spaces skipped) before or
 * after is a Chinese character or mark. So `1,200`, `10:30`, `(a, b)` and Latin sentences keep
 * their ASCII marks. A pair of brackets changes together: when the text inside or either
 * neighbour outside is Chinese (`(2017—2020年)` → `（2017—2020年）`, `APP(Android)版` →
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

const isChinese = (c: string | undefined) => c !== undefined && CHINESE.test(c);

/** The nearest character that is not a space, from `from` going by `step` (−1 or +1). */
function neighbour(text: readonly string[], from: number, step: -1 | 1): string | undefined {
  for (let i = from; i >= 0 && i < text.length; i += step) if (!SPACE.test(text[i])) return text[i];
  return undefined;
}

/** Whether the character before `before` or after `after` (spaces skipped) is Chinese. */
const besideChinese = (text: readonly string[], before: number, after: number) =>
  isChinese(neighbour(text, before, -1)) || isChinese(neighbour(text, after, 1));

/** The text with each ASCII mark that stands in Chinese text replaced by its Chinese form. */
export function chinesePunctuation(text: string): string {
  if (!/[,;:!?()]/.test(text)) return text;
  // By code point, so that a rare ideograph outside the BMP is one character.
  const chars = Array.from(text);
  const out = [...chars];
  // Brackets first, as pairs: innermost pairs close first.
  const open: number[] = [];
  const pairs: [number, number][] = [];
  const unpaired: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === OPEN) open.push(i);
    else if (chars[i] === CLOSE) {
      const from = open.pop();
      if (from === undefined) unpaired.push(i);
      else pairs.push([from, i]);
    }
  }
  unpaired.push(...open);
  for (const [from, to] of pairs) {
    if (chars.slice(from + 1, to).some(isChinese) || besideChinese(out, from - 1, to + 1)) {
      out[from] = BRACKETS[OPEN];
      out[to] = BRACKETS[CLOSE];
    }
  }
  for (const i of unpaired) if (besideChinese(out, i - 1, i + 1)) out[i] = BRACKETS[chars[i] as keyof typeof BRACKETS];
  // Then the other marks, seeing the brackets already changed (`)》,` → `）》，`).
  for (let i = 0; i < chars.length; i++) {
    const mark = MARKS[chars[i]];
    if (mark && besideChinese(out, i - 1, i + 1)) out[i] = mark;
  }
  return out.join('');
}
