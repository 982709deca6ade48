/**
 * Everything the site derives across entries — who links to whom, which measures cite a
 * document or name an organisation, the dated actions, all the figures — computed once per
 * build and shared by every page that needs it.
 */
import { join } from 'node:path';
import { render } from 'astro:content';
import type { Correction, Figure, MeasureDate } from '../../pure/model/schema.ts';
import { publication } from '../settings/publication.ts';
import { organisations, topics, unitGroups } from '../settings/vocabularies.ts';
import { correctedParts, type TextPart } from '../../pure/text/corrected-text.ts';
import { normalisedValue } from '../../pure/text/figures.ts';
import { linkedMeasures } from '../markdown/measure-links.ts';
import { recordedReaderText } from '../markdown/rehype-reader-text.ts';
import { once } from '../../pure/once.ts';
import { pagedPath, paginate, pagerOf, rangeText, type ListPager } from '../../pure/site/list-pages.ts';
import { allMeasures, href, linkOf, measureRangePager, pageOfMeasure, type Measure, type MeasureLink, type Section } from './report.ts';

/**
 * The text a reader reads in an entry (src/pure/search/plain-text.ts): the same text the search
 * matches, recorded as Astro renders the entry (rehype-reader-text.ts). A Markdown entry is
 * rendered as it is read, and keeps the record with its rendering (adding a plugin to the site's
 * Markdown pipeline changes Astro's config digest, which empties its content cache, so every
 * rendered entry has it); an MDX entry is rendered as its module is compiled, and render() gives
 * the record back.
 */
async function readerText(entry: Measure | Section): Promise<string> {
  const text = recordedReaderText(entry.rendered?.metadata?.frontmatter) ?? recordedReaderText((await render(entry)).remarkPluginFrontmatter);
  if (text === undefined)
    throw new Error(
      `${entry.filePath}: no reader's text was recorded as it was rendered (src/build-time/markdown/rehype-reader-text.ts is not in the Markdown pipeline)`,
    );
  return text;
}

/** The plain text of an introductory section. */
export const plainSectionText = readerText;

/**
 * The text of each measure as a reader reads it on its page, one paragraph per line: what the
 * search matches, the open data publishes and the indexes look names up in.
 */
export const plainTexts = once(async () => {
  const texts = new Map<number, string>();
  for (const m of await allMeasures()) texts.set(m.data.number, await readerText(m));
  return texts;
});

export interface Reference {
  measure: MeasureLink;
  /** How the other measure points here: a link in its text, or its `related` list. */
  via: 'link' | 'related';
}

/** For each measure, the other measures that link to it or list it as related: one reference for each way, once. */
export const referencesTo = once(async () => {
  const list = await allMeasures();
  const refs = new Map<number, Reference[]>(list.map((m) => [m.data.number, []]));
  for (const m of list) {
    const file = join(process.cwd(), m.filePath ?? '');
    const add = (n: number, via: Reference['via']) => {
      const into = refs.get(n);
      if (into && !into.some((r) => r.measure.number === m.data.number && r.via === via)) into.push({ measure: linkOf(m), via });
    };
    for (const n of linkedMeasures(file, m.body ?? '')) add(n, 'link');
    for (const n of m.data.related) add(n, 'related');
  }
  return refs;
});

const byName = new Intl.Collator('zh-CN');

/**
 * Each cited document with the measures that cite it (its name as the pages print it, with the
 * citing measures' corrections marked): most cited first, then by the pinyin of the name
 * (the collation of zh-CN).
 */
export const documentIndex = once(async () => {
  const byTitle = new Map<string, { measures: MeasureLink[]; corrections: Correction[] }>();
  for (const m of await allMeasures()) {
    for (const d of m.data.documents) {
      const entry = byTitle.get(d) ?? { measures: [], corrections: [] };
      entry.measures.push(linkOf(m));
      entry.corrections.push(...m.data.corrections);
      byTitle.set(d, entry);
    }
  }
  return [...byTitle]
    .map(([title, { measures, corrections }]) => ({ title, parts: correctedParts(title, corrections), measures }))
    .sort((a, b) => b.measures.length - a.measures.length || byName.compare(a.title, b.title));
});

/** How the documents index is ordered, in words that are true of this report's documents. */
export async function documentsOrder(): Promise<string> {
  const [first, ...others] = new Set((await documentIndex()).map((d) => d.measures.length));
  return others.length ? '按被引用的次数排列，次数相同的按名称的汉语拼音排列' : `每种都被${first ?? 0}项措施引用，按名称的汉语拼音排列`;
}

/**
 * How many documents a page of the documents index holds: /documents/, then /documents/2/ ….
 * The documents are what the entries cite, so their number grows with the report; the real
 * report's 84 fit on one page.
 */
export const DOCUMENTS_PAGE_SIZE = 100;

export const documentsPagePath = (page: number) => pagedPath('documents', page);

/** The pages of the documents index, in the order of documentIndex. */
export const documentsPages = once(async () => paginate(await documentIndex(), DOCUMENTS_PAGE_SIZE));

/** The pager of a documents page: each page named by the ranks of its documents. */
export async function documentsPager(page: number): Promise<ListPager> {
  return pagerOf(await documentsPages(), page, {
    name: '引用文件的分页',
    hrefOf: (p) => href(documentsPagePath(p)),
    textOf: (p) => rangeText(p.first, p.last),
    summaryOf: (p) => `第${p.first}至${p.last}种，共${p.total}种，分${p.pages}页：`,
  });
}

/** Each organisation of the vocabulary with the measures whose text names it, grouped by kind. */
export const organisationIndex = once(async () => {
  const texts = await plainTexts();
  const list = await allMeasures();
  const entries = organisations()
    .map((org) => ({
      ...org,
      measures: list.filter((m) => [org.name, ...(org.aliases ?? [])].some((n) => texts.get(m.data.number)!.includes(n))).map(linkOf),
    }))
    .filter((o) => o.measures.length > 0);
  const kinds = [...new Set(entries.map((e) => e.kind))];
  return kinds.map((kind) => ({ kind, organisations: entries.filter((e) => e.kind === kind) }));
});

/** Each topic of the vocabulary with its measures; a measure appears under every topic it has. */
export const topicIndex = once(async () => {
  const list = await allMeasures();
  return topics().map((t) => ({ ...t, measures: list.filter((m) => m.data.topics.includes(t.label)).map(linkOf) }));
});

/** The topics with the measures whose first topic they are: each measure once, for the topics diagram. */
export const primaryTopics = once(async () => {
  const list = await allMeasures();
  return topics()
    .map((t) => ({ label: t.label, measures: list.filter((m) => m.data.topics[0] === t.label).map(linkOf) }))
    .filter((g) => g.measures.length);
});

export interface TimelineEvent {
  date: MeasureDate;
  measure: MeasureLink;
  /** The words of the text right after the date: what happened then. */
  context: string;
  /** The same words as the page prints them, the passages the editors corrected marked. */
  contextParts: TextPart[];
}

const CONTEXT_LENGTH = 36;

function contextAfter(text: string, phrase: string, from: number): { context: string; at: number } {
  const at = text.indexOf(phrase, from);
  if (at === -1) return { context: '', at: from };
  const rest = text.slice(at + phrase.length).replace(/^[,，、:：\s]+/, '');
  // The clause ends at a full stop, or where the text moves on to the next date.
  const end = rest.search(/[。；;\n]|[,，]?(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?/);
  const clause = end === -1 ? rest : rest.slice(0, end);
  return { context: clause.length > CONTEXT_LENGTH ? `${clause.slice(0, CONTEXT_LENGTH)}…` : clause, at: at + phrase.length };
}

/** The dated actions of one year, month by month, each with the words that say what happened. */
export const timeline = once(async () => {
  const texts = await plainTexts();
  const events: TimelineEvent[] = [];
  for (const m of await allMeasures()) {
    const text = texts.get(m.data.number)!;
    let from = 0;
    for (const date of m.data.dates) {
      const found = contextAfter(text, date.phrase, from);
      from = found.at;
      events.push({ date, measure: linkOf(m), context: found.context, contextParts: correctedParts(found.context, m.data.corrections) });
    }
  }
  const key = (d: MeasureDate) => d.year * 10_000 + d.month * 100 + (d.day ?? 0);
  events.sort((a, b) => key(a.date) - key(b.date) || a.measure.number - b.measure.number);
  const years = [...new Set(events.map((e) => e.date.year))];
  return years.map((year) => {
    const ofYear = events.filter((e) => e.date.year === year);
    const months = [...new Set(ofYear.map((e) => e.date.month))];
    return { year, months: months.map((month) => ({ month, events: ofYear.filter((e) => e.date.month === month) })) };
  });
});

/** How many dated actions a page of the timeline holds: /timeline/, then /timeline/2/ …. */
export const TIMELINE_PAGE_SIZE = 100;

export const timelinePagePath = (page: number) => pagedPath('timeline', page);

export interface TimelineMonth {
  month: number;
  events: TimelineEvent[];
  /** How many actions the month has in all, on this page and on others. */
  count: number;
  /** The month began on an earlier page. */
  continued: boolean;
}

/**
 * The timeline in pages of TIMELINE_PAGE_SIZE actions, in the order it reads: the report's year
 * month by month, then the dates of other years the text mentions. Each page holds its share of
 * the report's year by month (a month split between pages continues on the next) and of the others.
 */
export const timelinePages = once(async () => {
  const years = await timeline();
  const months = years.find((y) => y.year === publication().year)?.months ?? [];
  const others = years.filter((y) => y.year !== publication().year).flatMap((y) => y.months.flatMap((m) => m.events));
  const countOf = new Map(months.map((m) => [m.month, m.events.length]));
  const begun = new Set<number>();
  return paginate([...months.flatMap((m) => m.events), ...others], TIMELINE_PAGE_SIZE).map(({ items, ...page }) => {
    const inYear = items.filter((e) => e.date.year === publication().year);
    const ofPage: TimelineMonth[] = [...new Set(inYear.map((e) => e.date.month))].map((month) => ({
      month,
      events: inYear.filter((e) => e.date.month === month),
      count: countOf.get(month)!,
      continued: begun.has(month),
    }));
    for (const m of ofPage) begun.add(m.month);
    return { ...page, months: ofPage, others: items.filter((e) => e.date.year !== publication().year) };
  });
});

/**
 * A timeline page named by the first and last dates of the report's year it holds
 * (`2月12日–4月30日`), and `更早日期` when it holds dates of other years (the last pages).
 */
export async function timelinePager(page: number): Promise<ListPager> {
  const short = ({ date }: TimelineEvent) => `${date.month}月${date.day ? `${date.day}日` : ''}`;
  return pagerOf(await timelinePages(), page, {
    name: '时间线的分页',
    hrefOf: (p) => href(timelinePagePath(p)),
    textOf: (p) => {
      const inYear = p.months.flatMap((m) => m.events);
      const [from, to] = inYear.length ? [short(inYear[0]), short(inYear.at(-1)!)] : [];
      const span = from === to ? from : `${from}–${to}`;
      return [span, p.others.length ? '更早日期' : undefined].filter(Boolean).join('、');
    },
    summaryOf: (p) => `时间线按日期分页：第${p.first}至${p.last}条，共${p.total}条，分${p.pages}页：`,
  });
}

export interface FigureRow {
  measure: MeasureLink;
  figure: Figure;
  /** Position of the figure in its measure's list (its row on the measure page). */
  index: number;
  value: number;
}

/** Every figure of every measure, grouped by what it counts. */
export const figureGroups = once(async () => {
  const rows: FigureRow[] = (await allMeasures()).flatMap((m) =>
    m.data.figures.map((figure, index) => ({ measure: linkOf(m), figure, index, value: normalisedValue(figure) })),
  );
  const groups = unitGroups();
  const groupOf = (unit: string) => groups.find((g) => g.units.includes(unit)) ?? groups.at(-1)!;
  return groups.map((g) => ({ name: g.name, rows: rows.filter((r) => groupOf(r.figure.unit) === g) })).filter((g) => g.rows.length);
});

/** The id of a figure's row on the figures page. */
export const figuresPageRowId = (measure: number, index: number) => `m${measure}-figure-${index + 1}`;

/**
 * The figures pages: like the measure list, a page for each LIST_PAGE_SIZE measures
 * (pageOfMeasure), so the page does not grow with the report and a figure's page depends on its
 * measure's number alone. The first is /figures/.
 */
export const figuresPagePath = (page: number) => pagedPath('figures', page);

/** The pager of the figures page `page`. */
export const figuresPager = (page: number, total: number) => measureRangePager(page, total, figuresPagePath, '数据的分页', '数据按措施分页：');

/** The figures pages: for each, the figures of its measures by group, and how many pages and measures there are. */
export const figuresPages = once(async () => {
  const groups = await figureGroups();
  const total = (await allMeasures()).length;
  const pages = pageOfMeasure(total);
  return Array.from({ length: pages }, (_, i) => ({
    page: i + 1,
    pages,
    total,
    groups: groups.map((g) => ({ name: g.name, rows: g.rows.filter((r) => pageOfMeasure(r.measure.number) === i + 1) })).filter((g) => g.rows.length),
  }));
});

/** How many bars a chart of the figures page shows at most: the largest. */
export const CHART_BARS = 20;

/**
 * The labelled totals of a unit group, largest first, at most CHART_BARS of them, how many there
 * are in all, and its labelled figures that are amounts for each one of something (`per`), which
 * are not ranked against totals.
 */
export async function largestFigures(unitGroup: string): Promise<{ rows: FigureRow[]; of: number; perUnit: FigureRow[] }> {
  const labelled = ((await figureGroups()).find((g) => g.name === unitGroup)?.rows ?? []).filter((r) => r.figure.label);
  const totals = labelled.filter((r) => !r.figure.per);
  return { rows: [...totals].sort((a, b) => b.value - a.value).slice(0, CHART_BARS), of: totals.length, perUnit: labelled.filter((r) => r.figure.per) };
}
