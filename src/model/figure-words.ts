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
 * Words that make a figure approximate or a bound rather than an exact count,
 * with the reading a reader needs.
 */
export const QUALIFIERS = {
  近: '接近，略少于',
  超: '超过',
  超过: '超过',
  余: '多于（“150余条”）',
  左右: '大约',
  不少于: '至少',
} as const;
export type Qualifier = keyof typeof QUALIFIERS;
export const QUALIFIER_WORDS = Object.keys(QUALIFIERS) as [Qualifier, ...Qualifier[]];
