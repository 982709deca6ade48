/**
 * How a report numbers its measures and headings, written as an example of a number: `(1)`,
 * `1.`, `一、`, `(一)`, `第一条`. The example's numeral stands for any number of its kind (Arabic
 * digits or Chinese numerals); brackets and the full stop match in half and full width, as
 * Chinese texts mix them. Pure: the examples come from the publication's settings.
 */

const CHINESE_DIGITS = '〇一二三四五六七八九';
const CHINESE_NUMERAL = `[${CHINESE_DIGITS}零十百]+`;
const NUMERAL = new RegExp(`\\d+|${CHINESE_NUMERAL}`, 'u');

/** Characters that are written in half or full width interchangeably. */
const WIDTHS: Record<string, string> = { '(': '[(（]', '（': '[(（]', ')': '[)）]', '）': '[)）]', '.': '[.．]', '．': '[.．]', ':': '[:：]', '：': '[:：]' };

const escaped = (s: string) => [...s].map((c) => WIDTHS[c] ?? c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')).join('');

/** Whether an example holds exactly one number to stand for the others. */
export const isNumberingExample = (example: string): boolean => {
  const match = NUMERAL.exec(example);
  return !!match && !NUMERAL.test(example.slice(match.index + match[0].length)) && example.trim() === example && example.length > 0;
};

/**
 * The pattern of a paragraph that begins with a number written like `example`; its group `n`
 * holds the numeral. A number in digits is not followed by another digit (`1.2亿元` does not
 * begin item 1 of `1.`).
 */
export function numberingPattern(example: string): RegExp {
  const match = NUMERAL.exec(example);
  if (!match) throw new Error(`"${example}" holds no number to stand for the others`);
  const digits = /\d/.test(match[0]);
  const before = escaped(example.slice(0, match.index));
  const after = escaped(example.slice(match.index + match[0].length));
  return new RegExp(`^${before}(?<n>${digits ? '\\d+' : CHINESE_NUMERAL})${after}${digits ? '(?!\\d)' : ''}`, 'u');
}

/** The value of a numeral: `12` → 12, `十二` → 12, `二十一` → 21, `一百零五` → 105. */
export function numeralValue(numeral: string): number {
  if (/^\d+$/.test(numeral)) return Number(numeral);
  let total = 0;
  let digit = 0;
  for (const c of numeral) {
    const d = CHINESE_DIGITS.indexOf(c);
    if (d >= 0) digit = d;
    else if (c === '十') [total, digit] = [total + (digit || 1) * 10, 0];
    else if (c === '百') [total, digit] = [total + (digit || 1) * 100, 0];
  }
  return total + digit;
}
