/**
 * Lists that a large report needs more than one page for — the measures, the figures, the cited
 * documents, the timeline — so that no page grows with the report: each page holds at most a
 * fixed number of items, and a pager on it links to every page of its list.
 */

/** One page of a list split into pages of equal size. */
export interface ListPage<T> {
  /** From 1. */
  page: number;
  pages: number;
  /** The position of the page's first and last item in the whole list, from 1. */
  first: number;
  last: number;
  /** How many items the whole list has. */
  total: number;
  items: T[];
}

/** `items` in pages of `size`, in order; an empty list is one empty page (its first page still exists). */
export function paginate<T>(items: readonly T[], size: number): ListPage<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => ({
    page: i + 1,
    pages,
    first: Math.min(i * size + 1, items.length),
    last: Math.min((i + 1) * size, items.length),
    total: items.length,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

/** The path of page `page` of a list whose first page is `folder/`: `folder/`, `folder/2/` …. */
export const pagedPath = (folder: string, page: number) => (page === 1 ? `${folder}/` : `${folder}/${page}/`);

/** The route parameter of page `page` for `[...page].astro`: none for the first page, which is the folder itself. */
export const pageParam = (page: number) => (page === 1 ? undefined : String(page));

/** A page's items named by their positions: `1–100`, or `101` for a page of one. */
export const rangeText = (first: number, last: number) => (first === last ? String(first) : `${first}–${last}`);

/** What the pager of a list page shows (src/components/ListPager.astro). */
export interface ListPager {
  /** The pager's name for assistive technology: 措施列表的分页. */
  name: string;
  /** What the page shown holds, said before the links: 第1至100项措施，共700项，分7页：. */
  summary: string;
  /** Every page of the list, in order: where it is and what it holds. */
  links: { href: string; text: string }[];
  /** The page shown, from 1. */
  page: number;
}

/**
 * The pager of page `page` of a list split by paginate(): each page linked at `hrefOf(page)` and
 * named by `textOf`, the page shown summed up by `summaryOf`.
 */
export function pagerOf<P extends Omit<ListPage<unknown>, 'items'>>(
  pages: P[],
  page: number,
  how: { name: string; hrefOf: (page: number) => string; textOf: (page: P) => string; summaryOf: (page: P) => string },
): ListPager {
  return {
    name: how.name,
    page,
    summary: how.summaryOf(pages[page - 1]),
    links: pages.map((p) => ({ href: how.hrefOf(p.page), text: how.textOf(p) })),
  };
}
