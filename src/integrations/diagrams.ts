/**
 * The Chromium that draws the diagrams (src/diagrams/render-mermaid.ts), over a build: the first
 * diagram drawn starts it (an entry's, while Astro reads the entries, or the site's own, from the
 * first page written: src/diagrams/site-diagrams.ts), and it is closed as soon as the pages are
 * written, so that it holds no memory while the build finishes and the process can end at once.
 */
import type { AstroIntegration } from 'astro';
import { closeDiagramBrowser } from '../diagrams/render-mermaid.ts';

export default function diagrams(): AstroIntegration {
  return {
    name: 'report-diagrams',
    hooks: {
      'astro:build:generated': () => closeDiagramBrowser(),
      'astro:server:done': () => closeDiagramBrowser(),
    },
  };
}
