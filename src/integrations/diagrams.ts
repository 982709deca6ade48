/**
 * The Chromium that draws the diagrams (src/diagrams/render-mermaid.ts), over a build: started
 * when no diagram is cached yet, as soon as the pages' bundle is made (the client scripts' small
 * bundle follows), so that it gets ready while the pages are written and is ready when the home
 * page, the last page written, asks for its diagram; closed as soon as the pages are written, so
 * that it holds no memory while the build finishes and the build process can end at once.
 */
import type { AstroIntegration } from 'astro';
import { closeDiagramBrowser, prepareDiagramBrowser } from '../diagrams/render-mermaid.ts';

export default function diagrams(): AstroIntegration {
  return {
    name: 'report-diagrams',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'report-diagrams:prepare',
                // After the pages' bundle, the long one: a browser starting alongside it slowed it down by half a second or more.
                closeBundle() {
                  if (this.environment.name === 'prerender' && prepareDiagramBrowser()) {
                    logger.debug('no diagram is cached yet: the browser that draws them is starting');
                  }
                },
              },
            ],
          },
        });
      },
      'astro:build:generated': () => closeDiagramBrowser(),
      'astro:server:done': () => closeDiagramBrowser(),
    },
  };
}
