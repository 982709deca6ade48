/**
 * The search index's files (src/pure/search/index-format.ts), built once per build from the
 * documents the reader can read (src/build-time/search/). In `npm run dev`, the same files, built on
 * the first request.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { once } from '../../pure/once.ts';
import { INDEX_FOLDER } from '../../pure/search/index-format.ts';
import { buildIndex } from '../../build-time/search/build-index.ts';
import { searchDocuments } from '../../build-time/search/documents.ts';

const index = once(async () => buildIndex(await searchDocuments()));

export const getStaticPaths = (async () => {
  const { files } = await index();
  return [...files.keys()].map((path) => ({ params: { file: path.slice(INDEX_FOLDER.length) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const body = (await index()).files.get(`${INDEX_FOLDER}${params.file}`);
  if (body === undefined) return new Response(null, { status: 404 });
  const json = typeof body === 'string';
  return new Response(body as BodyInit, { headers: { 'Content-Type': json ? 'application/json; charset=utf-8' : 'application/octet-stream' } });
};
