/**
 * Closes the Chromium that draws the diagrams as soon as the pages are written, so that it
 * holds no memory while the search index is built and the build process can end at once.
 * (Diagrams are drawn by src/diagrams/render-mermaid.ts, which starts the browser on the first
 * diagram that is not in its cache.)
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
