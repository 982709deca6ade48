/**
 * The Chromium that draws the diagrams (src/diagrams/render-mermaid.ts), over a build. It is
 * closed as soon as the pages are written, so that it holds no memory while the build finishes
 * and the process can end at once. In a build it draws at a lower priority than the build (it
 * has until the last page); in the preview an editor waits for a diagram, so it keeps the usual one.
 *
 * A build that finds no drawing, neither kept with the report (content/diagrams/) nor cached
 * (a first build of a report whose drawings are not kept yet), starts the browser as it begins,
 * while Astro is still loading and one of the two cores is mostly idle. Starting Chromium and
 * loading mermaid and svgo take about 1.1 s of CPU; started by the first page, they fell among
 * the pages, where they competed with the build's main thread. Cold builds of 1000
 * measures in turn: the pages took 0.3–1.0 s less in every round (2.7–3.6 s → 1.9–3.4 s; with
 * no diagram at all, 1.8–2.2 s). The whole build gained less than the machine's noise: medians
 * of 6 rounds 9.41 → 9.73 s, then 11.24 → 10.82 s, on a machine whose speed swung by a third
 * (starting it as the config loads, 0.2 s earlier still, was faster in 4 rounds of 5). A build
 * that finds drawings starts the browser only if a diagram turns out to be new (the first
 * drawing starts it, as in the preview); with every drawing kept, it starts none.
 */
import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { closeDiagramBrowser, drawInBackground, hasAnyDrawing, keptDrawingsDir, startDiagramBrowser, unkeptDrawings } from '../diagrams/render-mermaid.ts';

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
      'astro:config:setup': ({ command }) => {
        drawInBackground(command === 'build');
        if (command === 'build' && !hasAnyDrawing()) startDiagramBrowser();
      },
      'astro:build:generated': () => closeDiagramBrowser(),
      'astro:build:done': ({ logger }) => {
        const notice = unkeptDrawingsNotice(unkeptDrawings().size, relative(process.cwd(), keptDrawingsDir()) || '.');
        if (notice) logger.warn(notice);
      },
      'astro:server:done': () => closeDiagramBrowser(),
    },
  };
}
