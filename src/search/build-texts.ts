/**
 * The search texts of a build (see texts.ts for the format): every measure's number, page,
 * title, status, topics and the text a reader reads on its page, from the measures collection.
 * Build time only.
 */
import { plainTexts } from '../lib/indexes.ts';
import { allMeasures, href, measurePath } from '../lib/report.ts';
import { STATUSES, TOPICS } from '../model/vocabulary.ts';
import type { SearchTexts } from './texts.ts';

export async function buildSearchTexts(): Promise<SearchTexts> {
  const statuses: SearchTexts['statuses'] = STATUSES.map((s) => ({ label: s.label, slug: s.slug }));
  const topics: string[] = TOPICS.map((t) => t.label);
  const plain = await plainTexts();
  return {
    format: 1,
    statuses,
    topics,
    docs: (await allMeasures()).map((m) => ({
      n: m.data.number,
      url: href(measurePath(m.data.number)),
      title: m.data.title,
      status: statuses.findIndex((s) => s.label === m.data.status),
      topics: m.data.topics.map((t) => topics.indexOf(t)),
      text: plain.get(m.data.number)!,
    })),
  };
}
