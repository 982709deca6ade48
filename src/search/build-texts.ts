/**
 * The search texts of a build (see texts.ts for the format): every measure's number, page,
 * title, status, topics and the text a reader reads on its page, from the measures collection.
 * Build time only.
 */
import { plainTexts } from '../lib/indexes.ts';
import { allMeasures, href, measurePath } from '../lib/report.ts';
import { composeSearchTexts } from './compose-texts.ts';
import type { SearchTexts } from './texts.ts';

export async function buildSearchTexts(): Promise<SearchTexts> {
  const plain = await plainTexts();
  return composeSearchTexts(
    (await allMeasures()).map((m) => ({ data: m.data, text: plain.get(m.data.number)! })),
    (n) => href(measurePath(n)),
  );
}
