/**
 * /measures/texts.json: the measures' text for exact search, from the same collection and the
 * same rendering as the measure pages (see src/search/texts.ts). In a build, the texts are also
 * handed to the Pagefind integration, whose index, begun from the entries as the checks read
 * them, is kept if these are the same texts and made again from these if not; it adds the
 * Pagefind ids to this file at the end.
 */
import type { APIRoute } from 'astro';
import { buildSearchTexts } from '../../search/build-texts.ts';
import { offerSearchTexts } from '../../search/texts-handoff.ts';

export const GET: APIRoute = async () => {
  const texts = await buildSearchTexts();
  offerSearchTexts(texts);
  return new Response(JSON.stringify(texts), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
