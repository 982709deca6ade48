/**
 * The character pairs of the traditional-to-simplified table (scripts/traditional-table.ts),
 * from converters given: every CJK ideograph (the unified block, extension A and the
 * compatibility ideographs) that a converter turns into one other UTF-16 unit; the first
 * converter that changes a character decides.
 */
const RANGES: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

export function traditionalPairs(converters: ((text: string) => string)[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [from, to] of RANGES) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCharCode(code);
      for (const convert of converters) {
        const out = convert(char);
        if (out === char) continue;
        if (out.length === 1) pairs.push([char, out]);
        break;
      }
    }
  }
  return pairs;
}
