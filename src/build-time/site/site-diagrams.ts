/**
 * The diagrams the site draws from the entries (not typed in one): the structure of the
 * rectification on the home page, the measures by topic on the topics page. Their code is
 * computed once per build. drawSiteDiagramsAhead() starts drawing them as the first page is
 * written: the pages that show them come last in Astro's order (the home page is the very last
 * page of a build), where a diagram still to be drawn kept the whole build waiting for it.
 */
import { plainSectionText, primaryTopics } from './indexes.ts';
import { once } from '../../pure/once.ts';
import { allMeasures, allSections, href, measurePath } from './report.ts';
import { diagramFigureHtml } from '../diagrams/diagram-figure.ts';
import { structureDiagram } from '../../pure/diagrams/structure.ts';
import { MOST_MEASURES_DRAWN, topicsDiagram } from './topics-diagram.ts';

/** The home page's diagram: the figures of the introduction that one sentence chains together. */
export const structureDiagramCode = once(async () =>
  (await Promise.all((await allSections()).map(async (s) => structureDiagram(s.data.figures, await plainSectionText(s), '整改的总体安排')))).find(Boolean),
);

/** The topics page's diagram, when the measures are few enough to draw (MOST_MEASURES_DRAWN). */
export const topicsDiagramCode = once(async () =>
  (await allMeasures()).length <= MOST_MEASURES_DRAWN ? topicsDiagram(await primaryTopics(), (n) => href(measurePath(n))) : undefined,
);

/** The topics page lists what its diagram shows: a phone gets the list (diagram-figure.ts). */
export const TOPICS_DIAGRAM_OPTIONS = { listBeside: true } as const;

const drawAhead = once(async () => {
  const [structure, topics] = await Promise.all([structureDiagramCode(), topicsDiagramCode()]);
  await Promise.all([structure && diagramFigureHtml(structure), topics && diagramFigureHtml(topics, TOPICS_DIAGRAM_OPTIONS)]);
});

/** Starts drawing the site's diagrams, once; their pages get them from the same drawing (or the cache). */
export function drawSiteDiagramsAhead(): void {
  // A diagram that fails is reported by the page that shows it.
  drawAhead().catch(() => undefined);
}
