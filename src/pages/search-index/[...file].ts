/**
 * The search index's files (src/pure/search/index-format.ts), built from the documents the reader
 * can read (src/build-time/search/). In `npm run dev`, this route builds them on the first request
 * and serves them. In a build it names no file: it hands the documents over, and the index is built
 * on a thread of its own while the pages are written (src/build-time/integrations/search-index.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { once } from '../../pure/once.ts';
import { INDEX_FOLDER } from '../../pure/search/index-format.ts';
import { buildIndex } from '../../build-time/search/build-index.ts';
import { searchDocuments } from '../../build-time/search/documents.ts';
import { handOverDocuments } from '../../build-time/search/documents-handover.ts';

const index = once(async () => buildIndex(await searchDocuments()));

export const getStaticPaths = (async () => {
  if (import.meta.env.SEARCH_INDEX_HANDED_OVER) {
    handOverDocuments(await searchDocuments());
    return [];
  }
  const { files } = await index();
  return [...files.keys()].map((path) => ({ params: { file: path.slice(INDEX_FOLDER.length) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const body = (await index()).files.get(`${INDEX_FOLDER}${params.file}`);
  if (body === undefined) return new Response(null, { status: 404 });
  const json = typeof body === 'string';
  return new Response(body as BodyInit, { headers: { 'Content-Type': json ? 'application/json; charset=utf-8' : 'application/octet-stream' } });
};
