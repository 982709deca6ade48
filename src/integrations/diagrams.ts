/**
 * The Chromium that draws the diagrams (src/diagrams/render-mermaid.ts), over a build: started
 * early when no diagram is cached yet, so that it is ready by the time the pages need it, and
 * closed as soon as the pages are written, so that it holds no memory while the
 * search index is built and the build process can end at once.
 */
import type { AstroIntegration } from 'astro';
import { closeDiagramBrowser, prepareDiagramBrowser } from '../diagrams/render-mermaid.ts';

export default function diagrams(): AstroIntegration {
  return {
    name: 'report-diagrams',
    hooks: {
      // Once the entries are read (they start the browser themselves if one of them has a new
      // diagram), while the pages are bundled: ready by the time the pages draw theirs.
      'astro:build:start': ({ logger }) => {
        if (prepareDiagramBrowser()) logger.debug('no diagram is cached yet: the browser that draws them is starting');
      },
      'astro:build:generated': () => closeDiagramBrowser(),
      'astro:server:done': () => closeDiagramBrowser(),
    },
  };
}
