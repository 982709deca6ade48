/**
 * How Chinese writes a quantity: the magnitude words and the qualifiers that make a figure
 * approximate or a bound. These are rules of the language, the same for every report; what a
 * report's own words are (statuses, topics, organisations …) is content (content/vocabularies.yaml).
 */

/**
 * Chinese magnitude words and the power of ten each stands for:
 * 万 = 10⁴, 亿 = 10⁸. A figure written without one has none.
 */
export const MAGNITUDES = { 万: 4, 亿: 8 } as const;
export type Magnitude = keyof typeof MAGNITUDES;
export const MAGNITUDE_WORDS = Object.keys(MAGNITUDES) as [Magnitude, ...Magnitude[]];

/**
 * Words that make a figure approximate or a bound rather than an exact count, each with what it
 * says of the true number, in words a reader needs (not another qualifier), and an example.
 */
export const QUALIFIERS = {
  近: '接近而不到所写的数（“近100万次”：不到100万次）',
  超: '多于所写的数，是“超过”的简写（“超100万”：100万以上）',
  超过: '多于所写的数（“超过100万人”：100万人以上）',
  余: '多于所写的数，写在数的后面（“100余条”：100条以上）',
  左右: '约等于所写的数，可能略多或略少（“100个左右”）',
  不少于: '至少是所写的数，也可能正好相等（“不少于50%”）',
} as const;
export type Qualifier = keyof typeof QUALIFIERS;
export const QUALIFIER_WORDS = Object.keys(QUALIFIERS) as [Qualifier, ...Qualifier[]];
