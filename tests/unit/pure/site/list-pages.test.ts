import { describe, expect, it } from 'vitest';
import { pagedPath, pageParam, paginate, pagerOf, rangeText } from '../../../../src/pure/site/list-pages.ts';

describe('paginate', () => {
  it('splits a list into pages of the size, the last holding the rest, with positions from 1', () => {
    const pages = paginate(
      Array.from({ length: 23 }, (_, i) => i + 1),
      10,
    );
    expect(pages.map((p) => [p.page, p.pages, p.first, p.last, p.total])).toEqual([
      [1, 3, 1, 10, 23],
      [2, 3, 11, 20, 23],
      [3, 3, 21, 23, 23],
    ]);
    expect(pages.flatMap((p) => p.items)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(pages[2].items).toEqual([21, 22, 23]);
  });

  it('makes one page of a list that fits, and one empty page of an empty list', () => {
    expect(paginate(['a', 'b'], 10)).toEqual([{ page: 1, pages: 1, first: 1, last: 2, total: 2, items: ['a', 'b'] }]);
    expect(paginate([], 10)).toEqual([{ page: 1, pages: 1, first: 0, last: 0, total: 0, items: [] }]);
  });

  it('makes no empty page after a list that fills its pages exactly', () => {
    expect(
      paginate(
        Array.from({ length: 20 }, (_, i) => i),
        10,
      ).map((p) => p.items.length),
    ).toEqual([10, 10]);
  });
});

describe('pagerOf', () => {
  it('links every page of the list, says what the page shown holds, and marks it', () => {
    const pages = paginate(['甲', '乙', '丙', '丁', '戊'], 2);
    const pager = pagerOf(pages, 2, {
      name: '分页',
      hrefOf: (page) => (page === 1 ? '/list/' : `/list/${page}/`),
      textOf: (p) => rangeText(p.first, p.last),
      summaryOf: (p) => `第${p.first}至${p.last}项，共${p.total}项，分${p.pages}页：`,
    });
    expect(pager).toEqual({
      name: '分页',
      page: 2,
      summary: '第3至4项，共5项，分3页：',
      links: [
        { href: '/list/', text: '1–2' },
        { href: '/list/2/', text: '3–4' },
        { href: '/list/3/', text: '5' },
      ],
    });
  });
});

describe('paged paths', () => {
  it('puts the first page at the folder itself and the others under it, and names no route parameter for the first', () => {
    expect([1, 2, 10].map((p) => pagedPath('timeline', p))).toEqual(['timeline/', 'timeline/2/', 'timeline/10/']);
    expect([1, 2].map(pageParam)).toEqual([undefined, '2']);
  });
});
