import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildMeasureEntries, buildSectionEntries } from '../../../../scripts/importer/build-entries.ts';
import { entrySchemas, sectionSchema } from '../../../../src/pure/model/schema.ts';
import { reportSettings } from '../../../../src/build-time/settings/report-settings.ts';
import { range, realPage, ROOT, splitFrontmatter } from '../../../support/source-text.ts';

/** The real report's settings, and its measure schema made from its vocabularies. */
const settings = reportSettings(join(ROOT, 'content'));
const measureSchema = entrySchemas(settings.vocabularies).measure;

/** A measure written by hand to the model's documentation; each test breaks one thing in it. */
const valid = () => ({
  number: 4,
  title: '推动健全有效提升职工技术技能的激励保障机制',
  status: '推进中',
  statusNote: '已启动相关工作',
  topics: ['产业工人'],
  related: [5],
  figures: [{ phrase: '超过1.2亿人', value: 1.2, unit: '人', magnitude: '亿', qualifier: '超过' }],
  dates: [{ phrase: '2月12日', year: 2020, yearInferred: true, month: 2, day: 12 }],
  documents: ['国家级技术工人评选表彰方案(征求意见稿)'],
  source: { page: 2, paragraphs: [9] },
  corrections: [{ original: '总书记记', suggested: '总书记', note: '“记”字重复。' }],
});

function issuesOf(data: unknown) {
  const result = measureSchema.safeParse(data);
  expect(result.success).toBe(false);
  return result.error!.issues;
}

describe('measureSchema', () => {
  it('accepts the hand-written measure', () => {
    expect(measureSchema.safeParse(valid()).success).toBe(true);
  });

  it('fills the lists an entry may leave out with empty lists', () => {
    const { topics: _t, related: _r, figures: _f, dates: _d, documents: _o, corrections: _c, ...bare } = valid();
    const data = measureSchema.parse(bare);
    expect(data.topics).toEqual([]);
    expect(data.figures).toEqual([]);
    expect(data.corrections).toEqual([]);
  });

  it('rejects a status outside the vocabulary (已完), naming status', () => {
    const issues = issuesOf({ ...valid(), status: '已完' });
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['status']);
  });

  it('rejects a missing title, naming title', () => {
    const { title: _title, ...data } = valid();
    const issues = issuesOf(data);
    expect(issues[0].path).toEqual(['title']);
  });

  it('rejects an empty title', () => {
    expect(issuesOf({ ...valid(), title: '' })[0].path).toEqual(['title']);
  });

  it('rejects a figure value written as text (1.2亿), naming the figure and its value', () => {
    const data = valid();
    const issues = issuesOf({ ...data, figures: [{ ...data.figures[0], value: '1.2亿' }] });
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['figures', 0, 'value']);
  });

  it('rejects an unknown field (stauts), naming it', () => {
    const issues = issuesOf({ ...valid(), stauts: '已完成' });
    expect(issues).toHaveLength(1);
    expect(issues[0].code).toBe('unrecognized_keys');
    expect((issues[0] as { keys?: string[] }).keys).toEqual(['stauts']);
    expect(issues[0].message).toContain('stauts');
  });

  it('rejects a misspelt field when the right one is missing, naming the missing field', () => {
    const { status, ...rest } = valid();
    const issues = issuesOf({ ...rest, stauts: status });
    expect(issues.map((i) => i.path)).toContainEqual(['status']);
    expect(issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });

  it('rejects a topic outside the vocabulary, naming its place in topics', () => {
    const issues = issuesOf({ ...valid(), topics: ['产业工人', '体育运动'] });
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['topics', 1]);
  });

  it('rejects a qualifier outside the vocabulary, naming the figure and its qualifier', () => {
    const data = valid();
    const issues = issuesOf({ ...data, figures: [{ ...data.figures[0], qualifier: '大约' }] });
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['figures', 0, 'qualifier']);
  });

  it('rejects an unknown magnitude and an unknown field in a figure', () => {
    const data = valid();
    expect(issuesOf({ ...data, figures: [{ ...data.figures[0], magnitude: '千' }] })[0].path).toEqual(['figures', 0, 'magnitude']);
    const extra = issuesOf({ ...data, figures: [{ ...data.figures[0], unitt: '人' }] });
    expect(extra[0].path).toEqual(['figures', 0]);
    expect(extra[0].code).toBe('unrecognized_keys');
  });

  it('rejects a month out of range in a date, naming it', () => {
    const data = valid();
    expect(issuesOf({ ...data, dates: [{ ...data.dates[0], month: 13 }] })[0].path).toEqual(['dates', 0, 'month']);
  });

  it('rejects a number that is not a positive whole number, and a source without paragraphs', () => {
    expect(issuesOf({ ...valid(), number: 0 })[0].path).toEqual(['number']);
    expect(issuesOf({ ...valid(), number: 2.5 })[0].path).toEqual(['number']);
    expect(issuesOf({ ...valid(), source: { page: 2, paragraphs: [] } })[0].path).toEqual(['source', 'paragraphs']);
  });

  it('accepts every generated entry, also after its frontmatter is written out and read back', () => {
    const entries = buildMeasureEntries(realPage(), settings);
    expect(entries).toHaveLength(30);
    for (const entry of entries) {
      expect(measureSchema.safeParse(entry.data).success, entry.path).toBe(true);
      const roundTrip = measureSchema.safeParse(parse(splitFrontmatter(entry.text).frontmatter));
      expect(roundTrip.success, entry.path).toBe(true);
      expect(roundTrip.data).toEqual(entry.data);
    }
    for (const entry of buildSectionEntries(realPage(), settings)) {
      expect(sectionSchema.safeParse(parse(splitFrontmatter(entry.text).frontmatter)).success, entry.path).toBe(true);
    }
  });
});

describe('sectionSchema', () => {
  const section = () => ({ order: 1, heading: '(三)落实主体责任,确保整改实效。', part: 1, figures: [], source: { page: 2, paragraphs: [2, 3] } });

  it('accepts a section and rejects a missing heading or an unknown field', () => {
    expect(sectionSchema.safeParse(section()).success).toBe(true);
    const { heading: _h, ...noHeading } = section();
    expect(sectionSchema.safeParse(noHeading).error?.issues[0].path).toEqual(['heading']);
    expect(sectionSchema.safeParse({ ...section(), status: '已完成' }).error?.issues[0].code).toBe('unrecognized_keys');
  });
});

/** The entries in content/, as editors and the importer leave them. */
function readEntries(folder: string) {
  const dir = join(ROOT, 'content', folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const { frontmatter, body } = splitFrontmatter(readFileSync(join(dir, name), 'utf8'));
      return { name, data: parse(frontmatter) as Record<string, unknown>, body };
    });
}

describe('the entries in content/', () => {
  const measures = readEntries('measures');
  const sections = readEntries('sections');
  const source = realPage();

  it('has one measure file per measure of the source', () => {
    expect(measures).toHaveLength(source.measures.length);
    expect(measures).toHaveLength(30);
  });

  it.each(measures.map((m) => [m.name, m] as const))('content/measures/%s passes measureSchema', (_name, entry) => {
    const result = measureSchema.safeParse(entry.data);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it.each(sections.map((s) => [s.name, s] as const))('content/sections/%s passes sectionSchema', (_name, entry) => {
    const result = sectionSchema.safeParse(entry.data);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('numbers the measures 1..30, each once, in files named after the number (NN.md)', () => {
    const numbers = measures.map((m) => m.data.number as number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect([...numbers].sort((a, b) => a - b)).toEqual(range(1, 30));
    for (const m of measures) expect(m.name).toBe(`${String(m.data.number).padStart(2, '0')}.md`);
  });

  it('gives each measure the title of its lead sentence in the source', () => {
    for (const m of measures) {
      const inSource = source.measures.find((s) => s.number === m.data.number);
      expect(m.data.title, m.name).toBe(inSource?.title);
    }
  });

  it('quotes a statusNote that occurs in the body, as the model requires', () => {
    for (const m of measures) expect(m.body, m.name).toContain(m.data.statusNote as string);
  });

  it('numbers the sections in reading order, each once', () => {
    const orders = sections.map((s) => s.data.order as number).sort((a, b) => a - b);
    expect(orders).toEqual(range(1, sections.length));
    expect(sections).toHaveLength(source.sections.length);
  });
});
