/**
 * The Chromium that draws the diagrams (src/diagrams/render-mermaid.ts), over a build: the first
 * diagram drawn starts it (an entry's, while Astro reads the entries, or the site's own, from the
 * first page written: src/diagrams/site-diagrams.ts), and it is closed as soon as the pages are
 * written, so that it holds no memory while the build finishes and the process can end at once.
 * In a build it draws at a lower priority than the build (it has until the last page); in the
 * preview an editor waits for a diagram, so it keeps the usual one.
 */
import type { AstroIntegration } from 'astro';
import { closeDiagramBrowser, drawInBackground } from '../diagrams/render-mermaid.ts';

export default function diagrams(): AstroIntegration {
  return {
    name: 'report-diagrams',
    hooks: {
      'astro:config:setup': ({ command }) => drawInBackground(command === 'build'),
      'astro:build:generated': () => closeDiagramBrowser(),
      'astro:server:done': () => closeDiagramBrowser(),
    },
  };
}
