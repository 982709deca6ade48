/**
 * How the pages name the publication and its pages, from its settings (content/publication.yaml):
 * `第4版`, `第5版和第7版`, the report as a whole, the running head, dates. Pure: the settings are
 * passed in, so that no page spells out a report's page numbers or title itself.
 */
import { missingPages, type Publication, type Source } from '../../pure/model/settings-schema.ts';

type PageWords = Pick<Source, 'pageWord'>;

/** `第4版`, `第3页`. */
export const pageName = (source: PageWords, page: number): string => `第${page}${source.pageWord}`;

/** `第5版和第7版`, `第1页、第3页和第4页`. */
export function pagesName(source: PageWords, pages: readonly number[]): string {
  const names = pages.map((p) => pageName(source, p));
  return names.length > 1 ? `${names.slice(0, -1).join('、')}和${names.at(-1)}` : (names[0] ?? '');
}

/** The pages of the publication not held, in order (none when the source is whole). */
export const missing = (p: Pick<Publication, 'source'>): number[] => missingPages(p.source);

/** What the site holds of the report: `报告第4版`, or `报告全文` when no page is missing. */
export const heldName = (p: Pick<Publication, 'source'>): string => (missing(p).length ? `报告${pagesName(p.source, p.source.held)}` : '报告全文');

/** The running head of every printed page: the title, and the subtitle when there is one. */
export const runningHead = (p: Pick<Publication, 'title' | 'subtitle'>): string => (p.subtitle ? `${p.title} · ${p.subtitle}` : p.title);

const longDate = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' });

/** `2021年6月30日` for `2021-06-30`. */
export const dateText = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`));
