/**
 * The search texts (format: texts.ts) of a list of measures: what texts.json holds and Pagefind
 * indexes. One composition for the texts the pages render (build-texts.ts) and for the texts the
 * build reads from the entries before any page is rendered (src/integrations/pagefind.ts).
 */
import { STATUSES, TOPICS } from '../model/vocabulary.ts';
import type { MeasureData } from '../model/schema.ts';
import type { SearchTexts } from './texts.ts';

/** A measure's frontmatter and the text a reader reads on its page. */
export interface MeasureText {
  data: Pick<MeasureData, 'number' | 'title' | 'status' | 'topics'>;
  text: string;
}

export function composeSearchTexts(measures: readonly MeasureText[], urlOf: (n: number) => string): SearchTexts {
  const statuses: SearchTexts['statuses'] = STATUSES.map((s) => ({ label: s.label, slug: s.slug }));
  const topics: string[] = TOPICS.map((t) => t.label);
  return {
    format: 1,
    statuses,
    topics,
    docs: [...measures]
      .sort((a, b) => a.data.number - b.data.number)
      .map(({ data, text }) => ({
        n: data.number,
        url: urlOf(data.number),
        title: data.title,
        status: statuses.findIndex((s) => s.label === data.status),
        topics: data.topics.map((t) => topics.indexOf(t)),
        text,
      })),
  };
}
