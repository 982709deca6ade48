/**
 * The diagrams the site draws from the entries (not typed in one): the structure of the
 * rectification on the home page, the measures by topic on the topics page. Their code is
 * computed once per build. drawSiteDiagramsAhead() starts drawing them as the first page is
 * written: the pages that show them come last in Astro's order (the home page is the very last
 * page of a build), where a diagram still to be drawn kept the whole build waiting for it.
 */
import { plainSectionText, primaryTopics } from '../lib/indexes.ts';
import { allMeasures, allSections, href, measurePath } from '../lib/report.ts';
import { diagramFigureHtml } from './diagram-figure.ts';
import { structureDiagram } from './structure.ts';
import { MOST_MEASURES_DRAWN, topicsDiagram } from './topics.ts';

let structure: Promise<string | undefined> | undefined;
let topics: Promise<string | undefined> | undefined;
let ahead: Promise<unknown> | undefined;

/** The home page's diagram: the figures of the introduction that one sentence chains together. */
export function structureDiagramCode(): Promise<string | undefined> {
  structure ??= allSections().then(async (sections) =>
    (await Promise.all(sections.map(async (s) => structureDiagram(s.data.figures, await plainSectionText(s), '整改的总体安排')))).find(Boolean),
  );
  return structure;
}

/** The topics page's diagram, when the measures are few enough to draw (MOST_MEASURES_DRAWN). */
export function topicsDiagramCode(): Promise<string | undefined> {
  topics ??= allMeasures().then(async (measures) =>
    measures.length <= MOST_MEASURES_DRAWN ? topicsDiagram(await primaryTopics(), (n) => href(measurePath(n))) : undefined,
  );
  return topics;
}

/** Starts drawing the site's diagrams, once; their pages get them from the same drawing (or the cache). */
export function drawSiteDiagramsAhead(): void {
  ahead ??= Promise.all([structureDiagramCode(), topicsDiagramCode()])
    .then((codes) => Promise.all(codes.filter((c): c is string => Boolean(c)).map((code) => diagramFigureHtml(code))))
    // A diagram that fails is reported by the page that shows it.
    .catch(() => undefined);
}
