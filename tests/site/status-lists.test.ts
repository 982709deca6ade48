/**
 * The home page as a phone reader needs it — the measures right after the status counts and
 * their legend — and the counts as links to the list of each status (/status/…/), built pages.
 */
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../support/report-vocabulary.ts';
import { readMeasureEntries } from '../support/entries.ts';
import { pageExists, readPage, select, selectAll, textOf } from '../support/built-site.ts';

const entries = readMeasureEntries();
const home = readPage('/');
const attr = (el: Element | undefined, name: string) => String(el?.properties?.[name] ?? '');
const main = select('main', home)!;

describe('the home page', () => {
  it('puts the list of measures right after the status counts and their legend', () => {
    const order = selectAll('.facts--status, .status-legend, ol.task-list, figure.diagram, .notice, section.prose', main).map((el) =>
      (el.properties.className as string[]).join(' '),
    );
    expect(order.slice(0, 3)).toEqual(['facts facts--status', 'status-legend', 'task-list']);
  });

  it('says what each status means, in the vocabulary’s words', () => {
    const rows = selectAll('.status-legend > div', main);
    expect(rows.map((r) => textOf(select('dt', r)))).toEqual(STATUSES.map((s) => s.label));
    expect(rows.map((r) => textOf(select('dd', r)))).toEqual(STATUSES.map((s) => s.definition));
  });

  it('links each status count to the list of the measures with that status', () => {
    const links = selectAll('.facts--status a', main);
    expect(links.map((a) => attr(a, 'href'))).toEqual(STATUSES.map((s) => `/status/${s.slug}/`));
    links.forEach((a, i) => {
      const n = entries.filter((e) => e.data.status === STATUSES[i].label).length;
      expect(textOf(a).replace(/\s+/g, '')).toBe(`${n}项${STATUSES[i].label}`);
    });
  });
});

describe.each(STATUSES.map((s) => [s.label, s.slug] as const))('the list of %s measures', (label, slug) => {
  const path = `/status/${slug}/`;
  const page = readPage(path);
  const expected = entries.filter((e) => e.data.status === label).map((e) => e.data.number);

  it('lists exactly the measures with that status, in order, each linking to its page', () => {
    const items = selectAll('ol.task-list li', page);
    expect(items.map((li) => textOf(select('.tag', li)))).toEqual(expected.map(() => label));
    expect(items.map((li) => attr(select('a', li), 'href'))).toEqual(expected.map((n) => `/measures/${String(n).padStart(2, '0')}/`));
    expect(pageExists(`${path}2/`)).toBe(false);
  });

  it('says what the status means and marks its own count as the page shown', () => {
    expect(textOf(select('main', page))).toContain(STATUSES.find((s) => s.label === label)!.definition);
    const current = selectAll('.facts--status a', page).filter((a) => attr(a, 'ariaCurrent') === 'page');
    expect(current.map((a) => attr(a, 'href'))).toEqual([path]);
  });
});
