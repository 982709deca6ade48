/**
 * /measures/texts.json: the measures' text for exact search, from the same collection and the
 * same rendering as the measure pages (see src/search/texts.ts). In a build, the texts are also
 * handed to the Pagefind integration, which indexes them while the other pages are written and
 * adds the Pagefind ids to this file at the end. (It lives under /measures/ rather than
 * /search/ so that it is built first: Astro writes this static route before the measure pages.)
 */
import type { APIRoute } from 'astro';
import { allMeasures, href, measurePath } from '../../lib/report.ts';
import { STATUSES, TOPICS } from '../../model/vocabulary.ts';
import { textOfHtml, textOfMarkdown } from '../../search/plain-text.ts';
import { offerSearchTexts, type SearchTexts } from '../../search/texts.ts';

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
  offerSearchTexts(texts);
  return new Response(JSON.stringify(texts), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
