/**
 * What the pages say about the report is true of it: where a measure's text is printed, which
 * measures it is connected with (each once), the order the documents index claims, and the
 * comparisons the figures page draws (like with like only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pageExists, readPage, select, selectAll, textOf } from '../support/built-site.ts';
import { readMeasureEntries } from '../support/entries.ts';
import { ROOT } from '../support/paths.ts';

const entries = readMeasureEntries();
const pad = (n: number) => String(n).padStart(2, '0');
const href = (el: Element) => String(el.properties.href ?? '');
const factRow = (path: string, name: string) =>
  selectAll('.summary-list > div', readPage(path)).find((div) => textOf(select('dt', div)).replace(/（.*）$/, '') === name);

describe.each(entries.map((e) => [e.data.number, e] as const))('measure (%i)', (number, entry) => {
  const path = `/measures/${pad(number)}/`;

  it('names the paragraphs of the source it is printed in, each a link of its own', () => {
    const row = factRow(path, '出处')!;
    const { page, paragraphs } = entry.data.source;
    expect(textOf(select('dd', row))).toBe(`报告第${page}版，第${paragraphs.join('、')}段`);
    expect(selectAll('dd a', row).map((a) => [textOf(a), href(a)])).toEqual(paragraphs.map((p) => [String(p), `/source/#p${p}`]));
  });

  it('lists each connected measure once: those it relates, those that relate it, those whose text links to it', () => {
    const linksHere = entries.filter((other) => {
      if (other.data.number === number) return false;
      return selectAll('.measure-text a', readPage(`/measures/${pad(other.data.number)}/`)).some((a) => href(a).startsWith(path));
    });
    const expected = new Set([
      ...entry.data.related,
      ...entries.filter((other) => other.data.related.includes(number)).map((o) => o.data.number),
      ...linksHere.map((o) => o.data.number),
    ]);
    const row = factRow(path, '相关措施');
    const listed = row ? selectAll('dd li > a', row).map((a) => Number(/\/measures\/(\d+)\//.exec(href(a))![1])) : [];
    expect(new Set(listed).size).toBe(listed.length);
    expect(new Set(listed)).toEqual(expected);
    expect(factRow(path, '被引用')).toBeUndefined();
    // What each says of the connection is true.
    for (const li of row ? selectAll('dd li', row) : []) {
      const other = Number(/\/measures\/(\d+)\//.exec(href(select('a', li)!))![1]);
      const note = textOf(select('.muted', li));
      const here = entry.data.related.includes(other);
      const there = entries.find((e) => e.data.number === other)!.data.related.includes(number);
      expect(note.includes('编者互列为相关措施'), `${other}: ${note}`).toBe(here && there);
      expect(note.includes('编者列为相关措施'), `${other}: ${note}`).toBe(here && !there);
      expect(note.includes('编者在该项下列本项为相关措施'), `${other}: ${note}`).toBe(there && !here);
      expect(note.includes('该项正文链接到本项'), `${other}: ${note}`).toBe(linksHere.some((o) => o.data.number === other));
    }
  });
});

describe('/documents/', () => {
  const page = readPage('/documents/');
  const names = selectAll('.index-list dt', page).map((dt) => textOf(dt));
  const counts = selectAll('.index-list dd', page).map((dd) => selectAll('li', dd).length);

  it('orders the documents the way it says it does', () => {
    expect(pageExists('/documents/2/')).toBe(false);
    const lead = textOf(select('main .prose', page));
    const byName = new Intl.Collator('zh-CN');
    const sorted = names.map((name, i) => ({ name, count: counts[i] }));
    if (new Set(counts).size === 1) {
      expect(lead).toContain(`每种都被${counts[0]}项措施引用，按名称的汉语拼音排列`);
      expect(lead).not.toContain('按被引用的次数排列');
      expect(names).toEqual([...names].sort(byName.compare));
    } else {
      expect(lead).toContain('按被引用的次数排列，次数相同的按名称的汉语拼音排列');
      expect(sorted).toEqual([...sorted].sort((a, b) => b.count - a.count || byName.compare(a.name, b.name)));
    }
  });

  it('puts the names in pinyin order, as a reader checks it', () => {
    // 关于… (guān) before 全国… (quán) before 中国… (zhōng): the report’s documents as the index lists them.
    const first = (prefix: string) => names.findIndex((n) => n.startsWith(`《${prefix}`));
    expect(first('关于')).toBeLessThan(first('全国'));
    expect(first('全国')).toBeLessThan(first('中国'));
  });
});

describe('/figures/', () => {
  const page = readPage('/figures/');
  const vocabularies = parse(readFileSync(join(ROOT, 'content/vocabularies.yaml'), 'utf8')) as { unitGroups: { name: string; units: string[] }[] };
  /** The figures a chart's bars stand for, found from the links to them in the measures' texts. */
  const barsOf = (table: Element) =>
    selectAll('tbody th a', table).map((a) => {
      const [, number, index] = /\/measures\/(\d+)\/#figure-(\d+)-in-text$/.exec(href(a))!;
      return entries.find((e) => e.data.number === Number(number))!.data.figures[Number(index) - 1];
    });
  const charts = selectAll('table.bar-chart', page).filter((t) => select('tbody th a', t));

  it('draws bars for figures', () => {
    expect(charts.length).toBeGreaterThan(0);
  });

  it('puts on one bar scale only figures that count the same thing: one unit group, never people with person-times', () => {
    expect(vocabularies.unitGroups.filter((g) => g.units.includes('人') && g.units.includes('人次'))).toEqual([]);
    for (const table of charts) {
      const units = new Set(barsOf(table).map((f) => f.unit));
      const groups = vocabularies.unitGroups.filter((g) => [...units].every((u) => g.units.includes(u)));
      expect(groups.length, `${textOf(select('caption', table))}: ${[...units].join(' ')}`).toBe(1);
    }
  });

  it('never ranks an amount for each one of something against totals, and says where it is instead', () => {
    const perUnit = entries.flatMap((e) => e.data.figures.filter((f) => f.per && f.label));
    expect(perUnit.length).toBeGreaterThan(0);
    for (const table of charts) expect(barsOf(table).filter((f) => f.per)).toEqual([]);
    const captions = charts.map((t) => textOf(select('caption', t))).join('\n');
    for (const per of new Set(perUnit.map((f) => f.per))) expect(captions).toContain(`每${per}的数额，不与总数比较`);
  });
});
