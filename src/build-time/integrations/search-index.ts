/**
 * Publishes the search index in a build (its format: src/pure/search/index-format.ts). The
 * search route's paths hand the documents over as Astro starts on the pages
 * (src/pages/search-index/[...file].ts, src/build-time/search/documents-handover.ts); the
 * index is then built and written on a thread of its own while the pages are written, and the
 * build waits for it at its end, before the offline worker lists the site's files. In
 * `npm run dev` the route serves the same files itself, at the addresses the search asks for.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { INDEX_FOLDER } from '../../pure/search/index-format.ts';
import { withBase } from '../../pure/site/site-paths.ts';
import { listenForDocuments } from '../search/documents-handover.ts';
import { type Published, publishIndexInWorker } from '../search/publish-in-worker.ts';

export default function searchIndex(): AstroIntegration {
  let outDir = '';
  let folder = '';
  let published: Promise<Published> | undefined;
  let stopListening = () => {};
  return {
    name: 'report-search-index',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // The route asks this, not import.meta.env.DEV: Vite derives that from NODE_ENV, which a
        // build may be run with (vitest sets it to test).
        updateConfig({ vite: { define: { 'import.meta.env.SEARCH_INDEX_HANDED_OVER': JSON.stringify(command === 'build') } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        folder = withBase(config.base, INDEX_FOLDER);
      },
      'astro:server:setup': ({ server }) => {
        // The preview matches the route's addresses only with a slash at the end (the site's
        // trailingSlash: 'always' holds for a route whose file name has no extension); the
        // search asks for the files' own names, as a host serves them.
        server.middlewares.use((request, _response, next) => {
          const url = request.url ?? '';
          const end = url.includes('?') ? url.indexOf('?') : url.length;
          if (url.startsWith(folder) && url[end - 1] !== '/') request.url = `${url.slice(0, end)}/${url.slice(end)}`;
          next();
        });
      },
      'astro:build:start': () => {
        stopListening = listenForDocuments((input) => {
          published ??= publishIndexInWorker(input, outDir);
          // Awaited at the end of the build; until then a failure must not end the process unheard.
          published.catch(() => {});
        });
      },
      'astro:build:done': async ({ logger }) => {
        stopListening();
        if (!published) throw new Error('The search index was not built: no documents were handed over by src/pages/search-index/[...file].ts.');
        const started = performance.now();
        const { files, bytes, edition } = await published;
        const waited = Math.round(performance.now() - started);
        logger.info(`search index: ${files} files, ${(bytes / 2 ** 20).toFixed(2)} MiB, edition ${edition} (the build waited ${waited} ms for it)`);
      },
    },
  };
}
