/**
 * The measures of one status as a list of their own, which the status counts link to: a reader
 * filters the measures by status with no script, at /status/in-progress/ (then
 * /status/in-progress/2/ … for a larger report, so that no page grows with the report).
 */
import { statuses, statusOf } from '../settings/vocabularies.ts';
import { pagedPath, paginate, pagerOf, rangeText, type ListPage, type ListPager } from '../../pure/site/list-pages.ts';
import { once } from '../../pure/once.ts';
import { href, LIST_PAGE_SIZE, measureLinks, type MeasureLink } from './report.ts';

/** The site path of page `page` of a status's list, without the base: `status/in-progress/`. */
export const statusListPath = (status: string, page = 1) => pagedPath(`status/${statusOf(status).slug}`, page);

export interface StatusListPage extends ListPage<MeasureLink> {
  status: string;
}

/** Every page of every status's list, in the vocabulary's order; a status no measure has is one empty page. */
export const statusListPages = once(async (): Promise<StatusListPage[]> => {
  const links = await measureLinks();
  return statuses().flatMap((s) =>
    paginate(
      links.filter((m) => m.status === s.label),
      LIST_PAGE_SIZE,
    ).map((p) => ({ ...p, status: s.label })),
  );
});

/** The pager of page `page` of a status's list, each page named by the positions it holds. */
export async function statusListPager(status: string, page: number): Promise<ListPager> {
  const pages = (await statusListPages()).filter((p) => p.status === status);
  return pagerOf(pages, page, {
    name: `${status}措施列表的分页`,
    hrefOf: (p) => href(statusListPath(status, p)),
    textOf: (p) => rangeText(p.first, p.last),
    summaryOf: (p) => `${status}的措施第${p.first}至${p.last}项，共${p.total}项，分${p.pages}页：`,
  });
}
