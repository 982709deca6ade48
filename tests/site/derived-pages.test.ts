/**
 * The pages and files the site derives from the entries — diagrams, timeline, figures, indexes,
 * open data, referenced-by — checked against the entries as the editors wrote them.
 */
import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ORGANISATIONS } from '../support/report-vocabulary.ts';
import { chinesePunctuation } from '../../src/pure/text/chinese-punctuation.ts';
import { readPage, select, selectAll, textOf, fileOf } from '../support/built-site.ts';
import { readMeasureEntries } from '../support/entries.ts';
import { realPage } from '../support/source-text.ts';

const entries = readMeasureEntries();
const source = realPage();
const pad = (n: number) => String(n).padStart(2, '0');
const attr = (el: Element | undefined, name: string) => String(el?.properties?.[name] ?? '');
const totalFigures = entries.reduce((n, e) => n + e.data.figures.length, 0);

describe('diagrams on pages', () => {
  it.each(['/', '/topics/', '/measures/07/'])('%s has each diagram as inline SVG in both themes, titled, with unique ids', (path) => {
    const page = readPage(path);
    const figures = selectAll('figure.diagram', page);
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      // Each theme: the drawing, or (when it is too wide for a phone) the drawing across and the one for phones.
      const light = selectAll('.diagram-theme--light > svg, .diagram-theme--light > [class^="diagram-size--"] > svg', figure);
      const dark = selectAll('.diagram-theme--dark > svg, .diagram-theme--dark > [class^="diagram-size--"] > svg', figure);
      expect(light.length).toBeGreaterThan(0);
      expect(dark.length).toBe(light.length);
      expect(textOf(select('figcaption', figure)).length).toBeGreaterThan(3);
      for (const svg of [...light, ...dark]) expect(attr(svg, 'ariaLabelledBy')).not.toBe('');
    }
    const ids = selectAll('[id]', page).map((el) => attr(el, 'id'));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('draws the structure of the rectification on the home page from the intro figures', () => {
    const svg = select('#structure ~ figure.diagram .diagram-theme--light svg', readPage('/'))!;
    const text = selectAll('text', svg)
      .map((t) => textOf(t))
      .join('|');
    for (const phrase of ['主要方面', '问题', '具体表现', '整改任务', '第一责任单位', '集中督导']) expect(text).toContain(phrase);
    for (const n of ['4个', '12个', '31个', '64项', '24个', '3次']) expect(text).toContain(n);
  });

  it('links every measure from the topics diagram, labelled with its status in words', () => {
    const svg = select('figure.diagram .diagram-theme--light svg', readPage('/topics/'))!;
    const links = selectAll('a', svg);
    for (const { data } of entries) {
      const link = links.find((a) => [attr(a, 'href'), attr(a, 'xLinkHref')].includes(`/measures/${pad(data.number)}/`));
      expect(link, `(${data.number})`).toBeTruthy();
      expect(textOf(link)).toContain(`〔${data.status}〕`);
    }
  });
});

describe('timeline', () => {
  const page = readPage('/timeline/');
  it('lists every dated action of 2020 once, by month, linked to its measure, marking inferred years', () => {
    const items = selectAll('.timeline ol > li', page);
    const dated = entries.flatMap((e) => e.data.dates.filter((d) => d.year === 2020).map((d) => ({ e, d })));
    expect(items).toHaveLength(dated.length);
    for (const { e, d } of dated) {
      const item = items.find((li) => textOf(select('time', li)) === d.phrase && attr(select('a', li), 'href') === `/measures/${pad(e.data.number)}/`);
      expect(item, `${d.phrase} in (${e.data.number})`).toBeTruthy();
      expect(textOf(item).includes('年份推定')).toBe(d.yearInferred);
    }
    const months = selectAll('.timeline > li > h2', page).map((h) => parseInt(textOf(h), 10));
    expect(months).toEqual([...months].sort((a, b) => a - b));
  });
});

describe('figures page', () => {
  const page = readPage('/figures/');
  it('has one row per figure of every measure, each linking to the figure in its measure text', () => {
    const rows = selectAll('section tbody tr[id]', page);
    expect(rows).toHaveLength(totalFigures);
    for (const { data } of entries) {
      data.figures.forEach((f, i) => {
        const row = rows.find((r) => attr(r, 'id') === `m${data.number}-figure-${i + 1}`)!;
        expect(row, `(${data.number}) ${f.phrase}`).toBeTruthy();
        expect(attr(select('a', row), 'href')).toBe(`/measures/${pad(data.number)}/#figure-${i + 1}-in-text`);
        expect(textOf(select('a', row))).toBe(f.phrase);
      });
    }
  });

  it('prints the value in digits with zh-CN grouping next to the value as written, each with its qualifier', () => {
    const row = selectAll('section tbody tr[id]', page).find((r) => textOf(r).includes('超过1.2亿人'))!;
    const cells = selectAll('td', row).map((c) => textOf(c));
    expect(cells).toContain('超过1.2亿');
    expect(cells).toContain('超过120,000,000');
    // 10余省 is more than ten provinces, never exactly 10.
    const approximate = selectAll('section tbody tr[id]', page).find((r) => textOf(r).includes('10余省'))!;
    expect(selectAll('td', approximate).map((c) => textOf(c))).toEqual(expect.arrayContaining(['10余', '10余']));
    expect(selectAll('td', approximate).map((c) => textOf(c))).not.toContain('10');
  });

  it('charts the total funds in 元 with every value printed', () => {
    const chart = selectAll('table.bar-chart', page).find((t) => textOf(select('caption', t)).startsWith('资金'))!;
    const printed = selectAll('tbody td.num', chart).map((td) => textOf(td));
    const labelled = entries.flatMap((e) => e.data.figures).filter((f) => f.unit === '元' && f.label && !f.per);
    expect(printed).toHaveLength(labelled.length);
    expect(printed).toContain('61.8亿元');
  });
});

describe('indexes', () => {
  it('lists every cited document with exactly the measures that cite it, most cited first', () => {
    // Each <dt> (the document) is followed by its <dd> (the measures citing it).
    const listed = new Map<string, string[]>();
    for (const dl of selectAll('dl.index-list', readPage('/documents/'))) {
      const items = dl.children.filter((c): c is Element => c.type === 'element');
      items.forEach((el, i) => {
        // A name as the reading pages show it (Chinese punctuation), the editors' notes on corrected passages left out.
        if (el.tagName === 'dt')
          listed.set(
            textOf(el).replace(/〔编者注：[^〕]*〕/g, ''),
            selectAll('a', items[i + 1]).map((a) => attr(a, 'href')),
          );
      });
    }
    const citing = new Map<string, string[]>();
    for (const { data } of entries) {
      for (const d of new Set(data.documents.map(chinesePunctuation)))
        citing.set(`《${d}》`, [...(citing.get(`《${d}》`) ?? []), `/measures/${pad(data.number)}/`]);
    }
    // In the report each document is cited once; the large report (large-report.test.ts) has documents cited often.
    expect(listed).toEqual(citing);
    const counts = [...listed.values()].map((m) => m.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('lists under each organisation exactly the measures whose text names it', () => {
    const page = readPage('/organisations/');
    // Each <dt> (the organisation) is followed by its <dd> (the measures naming it).
    const listed = new Map<string, string[]>();
    for (const dl of selectAll('dl.index-list', page)) {
      const items = dl.children.filter((c): c is Element => c.type === 'element');
      items.forEach((el, i) => {
        if (el.tagName === 'dt')
          listed.set(
            textOf(el).replace(/（又作.*$/, ''),
            selectAll('a', items[i + 1]).map((a) => attr(a, 'href')),
          );
      });
    }
    const text = (n: number) =>
      source.measures
        .find((m) => m.number === n)!
        .paragraphs.map((p) => p.text)
        .join('');
    for (const org of ORGANISATIONS) {
      const naming = entries
        .filter((e) => [org.name, ...(org.aliases ?? [])].some((name) => text(e.data.number).includes(name)))
        .map((e) => `/measures/${pad(e.data.number)}/`);
      expect(listed.get(org.name) ?? [], org.name).toEqual(naming);
    }
  });

  it('shows on each measure page the measures that link to it', () => {
    const linking = entries.filter((e) => /\]\(0?6\.md\)/.test(e.body)).map((e) => e.data.number);
    expect(linking.length).toBeGreaterThan(0);
    const page = readPage('/measures/06/');
    const facts = select('dl.summary-list', page)!;
    for (const n of linking) expect(select(`a[href="/measures/${pad(n)}/"]`, facts), `(${n})`).toBeTruthy();
    expect(textOf(facts)).toContain('正文链接到本项');
  });

  it('turns editors’ links to entry files into measure URLs', () => {
    const page = readPage('/measures/20/');
    const link = selectAll('.measure-text a', page).find((a) => textOf(a) === '百人以上企业建会');
    expect(attr(link, 'href')).toBe('/measures/06/');
  });
});

describe('open data', () => {
  it('measures.json holds every entry’s frontmatter, each figure’s exact value, its address and its text', () => {
    const json = JSON.parse(readFileSync(fileOf('/data/measures.json'), 'utf8'));
    expect(json.measures.map((m: { number: number }) => m.number)).toEqual(entries.map((e) => e.data.number));
    const power = { 万: 1e4, 亿: 1e8 } as const;
    for (const [i, { data }] of entries.entries()) {
      const { url, text, figures, ...rest } = json.measures[i];
      expect({ ...rest, figures: figures.map(({ exactValue: _, ...f }: { exactValue: number }) => f) }).toEqual(data);
      data.figures.forEach((f, k) => expect(figures[k].exactValue, f.phrase).toBeCloseTo(f.value * (f.magnitude ? power[f.magnitude] : 1), 3));
      // Site-relative: the real report's settings name no site address (site-address.test.ts).
      expect(url).toBe(`/measures/${pad(data.number)}/`);
      // The text as the pages show it: the source's ASCII punctuation as Chinese punctuation.
      for (const p of source.measures.find((s) => s.number === data.number)!.paragraphs) expect(text).toContain(chinesePunctuation(p.text));
    }
    expect(json.publication.missingPages).toEqual([1, 3]);
  });

  it('figures.csv is UTF-8 with a BOM, one row per figure, with the exact value', () => {
    const bytes = readFileSync(fileOf('/data/figures.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(totalFigures);
    const row = rows.find((r) => r.原文 === '61.8亿元')!;
    expect(row.精确值).toBe('6180000000');
    expect(row.措施编号).toBe('17');
  });

  it('is linked from the figures page and described on the about-data page', () => {
    const figures = readPage('/figures/');
    expect(select('a[href="/data/figures.csv"]', figures)).toBeTruthy();
    expect(select('a[href="/data/measures.json"]', figures)).toBeTruthy();
    const about = readPage('/about-data/');
    for (const field of Object.keys(entries[0].data)) expect(textOf(about)).toContain(field);
  });
});
