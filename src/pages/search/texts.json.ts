/**
 * /search/texts.json: the measures' text for exact search, from the same collection and the
 * same rendering as the measure pages (see src/search/texts.ts). The Pagefind integration
 * indexes this file after the build and adds the Pagefind ids to it.
 */
import type { APIRoute } from 'astro';
import { allMeasures, href, measurePath } from '../../lib/report.ts';
import { STATUSES, TOPICS } from '../../model/vocabulary.ts';
import { textOfHtml, textOfMarkdown } from '../../search/plain-text.ts';
import type { SearchTexts } from '../../search/texts.ts';

export const GET: APIRoute = async () => {
  const statuses: SearchTexts['statuses'] = STATUSES.map((s) => ({ label: s.label, slug: s.slug }));
  const topics: string[] = TOPICS.map((t) => t.label);
  const texts: SearchTexts = {
    format: 1,
    statuses,
    topics,
    docs: (await allMeasures()).map((m) => ({
      n: m.data.number,
      url: href(measurePath(m.data.number)),
      title: m.data.title,
      status: statuses.findIndex((s) => s.label === m.data.status),
      topics: m.data.topics.map((t) => topics.indexOf(t)),
      text: m.rendered?.html ? textOfHtml(m.rendered.html) : textOfMarkdown(m.body ?? ''),
    })),
  };
  return new Response(JSON.stringify(texts), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
