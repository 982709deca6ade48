/**
 * The Chromium that draws the diagrams (src/build-time/diagrams/diagram-browser.ts), over a build: a build
 * whose drawings are all kept with the report (content/diagrams/) or cached starts none; one
 * started for a diagram new or edited is closed as soon as the pages are written, so that it holds
 * no memory while the build finishes. A build that showed drawings the report does not keep says
 * how many, and what to run.
 */
import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { closeDiagramBrowser } from '../diagrams/diagram-browser.ts';
import { keptDrawingsDir } from '../diagrams/drawing-files.ts';
import { unkeptDrawings } from '../diagrams/render-mermaid.ts';

/**
 * What a build says when it showed drawings the report does not keep (a diagram new or edited):
 * until they are kept, a clone of the repository draws them again, with a browser. Undefined
 * when every drawing it used was kept. (A diagram Astro's content cache did not render again
 * is not counted: the build that rendered it said so.)
 */
function unkeptDrawingsNotice(unkept: number, keptDir: string): string | undefined {
  if (!unkept) return undefined;
  const drawings = unkept === 1 ? '1 drawing' : `${unkept} drawings`;
  return `${drawings} on the site ${unkept === 1 ? 'is' : 'are'} not kept with the report in ${keptDir}/: run \`npm run diagrams:keep\` once the build is done, and commit ${keptDir}/, so that a clone builds ${unkept === 1 ? 'it' : 'them'} without drawing.`;
}

export default function diagrams(): AstroIntegration {
  return {
    name: 'report-diagrams',
    hooks: {
      'astro:build:generated': () => closeDiagramBrowser(),
      'astro:build:done': ({ logger }) => {
        const notice = unkeptDrawingsNotice(unkeptDrawings().size, relative(process.cwd(), keptDrawingsDir()) || '.');
        if (notice) logger.warn(notice);
      },
      'astro:server:done': () => closeDiagramBrowser(),
    },
  };
}
