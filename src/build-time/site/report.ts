/**
 * The report's entries as the pages need them, read once per build: pages call these helpers
 * and hold no logic of their own.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { statuses } from '../settings/vocabularies.ts';
import type { Figure } from '../../pure/model/schema.ts';
import type { FILTER_STATUS, FILTER_TOPIC, QUERY_PARAM } from '../../pure/search/names.ts';
import { pagerOf, rangeText, type ListPager } from '../../pure/site/list-pages.ts';
import { correctedParts, textWithNotes, type TextPart } from '../../pure/text/corrected-text.ts';
import { once } from '../../pure/once.ts';
import { withBase } from '../../pure/site/site-paths.ts';
import { measureLabel } from '../../pure/model/measure-number.ts';

export { measureLabel };

export type Measure = CollectionEntry<'measures'>;
export type Section = CollectionEntry<'sections'>;

/**
 * Astro's glob loader logs an error when a Markdown entry cannot be rendered (a broken link or
 * diagram reported by our plugins) and goes on with an empty body. A public report must not be
 * published with a measure's text missing: stop the build instead, naming the file.
 */
function requireRendered<T extends Measure | Section>(entries: T[]): T[] {
  const broken = entries.filter((e) => e.filePath?.endsWith('.md') && !e.rendered);
  if (broken.length) {
    throw new Error(
      `${broken.map((e) => e.filePath).join(', ')}: the text could not be rendered. "npm run check" names the line and the reason; fix the entry and build again.`,
    );
  }
  return entries;
}

/** All measures in the report's order. Cached: every page of a build shares one read. */
export const allMeasures = once(async (): Promise<Measure[]> => requireRendered(await getCollection('measures')).sort((a, b) => a.data.number - b.data.number));

/** The passages before the measures, in reading order. */
export const allSections = once(async (): Promise<Section[]> => requireRendered(await getCollection('sections')).sort((a, b) => a.data.order - b.data.order));

export { measurePath } from '../../pure/site/site-paths.ts';

/** A site path with the configured base, so the site can live under a sub-path. */
export const href = (path: string) => withBase(import.meta.env.BASE_URL, path);

export interface MeasureLink {
  number: number;
  /** The title as the entry writes it. */
  title: string;
  /** The title as pages print it (<CorrectedText>, measureTitleText): punctuation as on reading pages, corrections marked. */
  titleParts: TextPart[];
  status: string;
}

const links = new WeakMap<Measure, MeasureLink>();

/** What a page needs to link to a measure; made once per measure and build. */
export function linkOf(m: Measure): MeasureLink {
  let link = links.get(m);
  if (!link) {
    link = { number: m.data.number, title: m.data.title, titleParts: correctedParts(m.data.title, m.data.corrections), status: m.data.status };
    links.set(m, link);
  }
  return link;
}

/** `（14）做好…宣传 works〔编者注：疑为“宣传工作”〕`: number and title as plain text, for `<title>`, tooltips and descriptions. */
export const measureTitleText = (link: Pick<MeasureLink, 'number' | 'titleParts'>) => `${measureLabel(link.number)}${textWithNotes(link.titleParts)}`;

/** How many measures have each status, in the vocabulary's order. */
export async function statusCounts(): Promise<{ label: string; count: number }[]> {
  const list = await allMeasures();
  return statuses().map((s) => ({ label: s.label, count: list.filter((m) => m.data.status === s.label).length }));
}

/** Every measure, as the lists link to it. */
export async function measureLinks(): Promise<MeasureLink[]> {
  return (await allMeasures()).map(linkOf);
}

/**
 * How many measures one list page holds. The report's 30 all fit on the home page; a report of
 * thousands continues on /list/2/, /list/3/ …, so that no page grows with the report.
 */
export const LIST_PAGE_SIZE = 100;

/** The page a measure falls on, in every list split that way (the measure list, the figures). */
export const pageOfMeasure = (n: number) => Math.max(1, Math.ceil(n / LIST_PAGE_SIZE));

/** The measures a page holds, by number: `first` to `last` of `total`. */
export const measureRangeOfPage = (page: number, total: number) => ({ first: (page - 1) * LIST_PAGE_SIZE + 1, last: Math.min(page * LIST_PAGE_SIZE, total) });

/** The list page of a page number: the home page's list for the first. */
export const listPagePath = (page: number) => (page === 1 ? '/#measures' : `list/${page}/`);

/** The pager of a list split by measure number (pageOfMeasure): each page named by its measures. */
export function measureRangePager(page: number, total: number, pathOf: (page: number) => string, name: string, lead = ''): ListPager {
  const pages = pageOfMeasure(total);
  const ranges = Array.from({ length: pages }, (_, i) => ({ page: i + 1, pages, total, ...measureRangeOfPage(i + 1, total) }));
  return pagerOf(ranges, page, {
    name,
    hrefOf: (p) => href(pathOf(p)),
    textOf: (p) => rangeText(p.first, p.last),
    summaryOf: (p) => `${lead}第${p.first}至${p.last}项措施，共${p.total}项，分${p.pages}页：`,
  });
}

/** The pager of the measure list's page `page`: the home page, then /list/2/ …. */
export const measureListPager = (page: number, total: number) => measureRangePager(page, total, listPagePath, '措施列表的分页');

/** What the search page reads from its URL (src/browser/search/page/search-page.ts): a query, a status, a topic, by the names in src/pure/search/names.ts. */
export type SearchParams = Partial<Record<typeof QUERY_PARAM | typeof FILTER_STATUS | typeof FILTER_TOPIC, string>>;

/** The search page for a query or a filter: the URL is the search. */
export const searchHref = (params: SearchParams) =>
  href(
    `search/?${Object.entries(params)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&')}`,
  );

/**
 * How many measures an index page lists under one topic, document or organisation. An index
 * holds many such lists (every topic, every organisation, DOCUMENTS_PAGE_SIZE documents a page),
 * so the page stays small however many measures share one: at 1000 measures, a document page of
 * a hundred documents was 231 KB with 20 numbers a line.
 */
export const INDEX_LINE_SIZE = 10;

/**
 * A list of measures as an index page shows it (topics, documents, organisations): the first
 * INDEX_LINE_SIZE, and when there are more, the search that finds them all — no index page grows
 * with the report.
 */
export function firstMeasures(measures: MeasureLink[], search: SearchParams): { shown: MeasureLink[]; all?: { count: number; href: string } } {
  const shown = measures.slice(0, INDEX_LINE_SIZE);
  return measures.length > INDEX_LINE_SIZE ? { shown, all: { count: measures.length, href: searchHref(search) } } : { shown };
}

/** The measures of each list page, the first being the home page's. */
export async function listPages(): Promise<{ page: number; pages: number; total: number; measures: MeasureLink[] }[]> {
  const links = await measureLinks();
  const pages = pageOfMeasure(links.length);
  return Array.from({ length: pages }, (_, i) => ({
    page: i + 1,
    pages,
    total: links.length,
    measures: links.filter((m) => pageOfMeasure(m.number) === i + 1),
  }));
}

/**
 * The figures a reader should see first: those the editors named (a label), the large ones
 * (with 万 or 亿) before small counts, in the order of the text.
 */
export function keyFigures(figures: Figure[], max = 4): { figure: Figure; index: number }[] {
  const labelled = figures.map((figure, index) => ({ figure, index })).filter((f) => f.figure.label);
  const large = labelled.filter((f) => f.figure.magnitude);
  const rest = labelled.filter((f) => !f.figure.magnitude);
  return [...large, ...rest].slice(0, max).sort((a, b) => a.index - b.index);
}

/** Every editorial correction of the report, with the measure it belongs to. */
export async function allCorrections() {
  return (await allMeasures()).flatMap((m) => m.data.corrections.map((correction, index) => ({ measure: linkOf(m), correction, index })));
}
