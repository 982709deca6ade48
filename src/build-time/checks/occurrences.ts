import { NUMBER_CHARACTER, startsWithDigit } from '../../pure/text/number-boundary.ts';

/**
 * How often a phrase of the frontmatter stands in the text, by the rule the site's marking
 * plugins find it with (src/pure/text/number-boundary.ts: `9条` is not in `29条`).
 *
 * Counted with indexOf, not with a regular expression per phrase: the checks count every phrase
 * of every entry, and compiling a pattern each made this their slowest function (0.11 s at 1000
 * measures, profiled). The test holds it to the pattern's count.
 */
export function occurrences(text: string, phrase: string): number {
  if (!phrase) return 0;
  const afterNumber = startsWithDigit(phrase);
  let count = 0;
  for (let at = text.indexOf(phrase); at >= 0; ) {
    if (afterNumber && at > 0 && NUMBER_CHARACTER.test(text[at - 1])) {
      at = text.indexOf(phrase, at + 1);
    } else {
      count++;
      at = text.indexOf(phrase, at + phrase.length);
    }
  }
  return count;
}

/**
 * For each item of a list, whether its phrase is still found once the earlier items with the
 * same phrase have taken their occurrences: the n-th item naming a phrase needs n occurrences.
 */
export function unmatchedPhrases(text: string, phrases: readonly (string | undefined)[]): { index: number; phrase: string; listed: number; found: number }[] {
  const counts = new Map<string, number>();
  const seen = new Map<string, number>();
  const unmatched: { index: number; phrase: string; listed: number; found: number }[] = [];
  phrases.forEach((phrase, index) => {
    if (typeof phrase !== 'string' || !phrase) return;
    if (!counts.has(phrase)) counts.set(phrase, occurrences(text, phrase));
    const nth = (seen.get(phrase) ?? 0) + 1;
    seen.set(phrase, nth);
    if (nth > counts.get(phrase)!) unmatched.push({ index, phrase, listed: nth, found: counts.get(phrase)! });
  });
  return unmatched;
}

/** `"4个" is not in the text …` or `"4个" is listed 2 times …`: one message for both cases. */
export function notInTextMessage(phrase: string, listed: number, found: number, expected: string): string {
  if (found === 0) return `${JSON.stringify(phrase)} is not in the text; expected ${expected}`;
  return `${JSON.stringify(phrase)} is listed ${listed} times but stands ${found === 1 ? 'once' : `${found} times`} in the text; expected one item for each time it stands there`;
}
