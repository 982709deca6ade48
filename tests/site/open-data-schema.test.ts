/**
 * The JSON Schema the site publishes for a measure (/data/measure.schema.json) describes the
 * entries: read by a JSON Schema validator (Ajv, draft 2020-12, as the file declares), it accepts
 * every entry's frontmatter as the editors wrote it and as /data/measures.json publishes it, and
 * it rejects exactly what the entry model (src/pure/model/schema.ts) rejects. A schema file written
 * by hand, or made from another model, or stale, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { entrySchemas } from '../../src/pure/model/schema.ts';
import { reportSettings } from '../../src/build-time/settings/report-settings.ts';
import { readHtml } from '../support/built-site.ts';
import { ROOT } from '../support/paths.ts';
import { splitFrontmatter } from '../support/source-text.ts';

/** The real report's measure schema, made from its vocabularies. */
const measureSchema = entrySchemas(reportSettings(join(ROOT, 'content')).vocabularies).measure;

const published = JSON.parse(readHtml('/data/measure.schema.json')) as { $schema: string; properties: Record<string, unknown> };
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(published);
const problems = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);

/** Each entry's frontmatter as written (js-yaml, the reader Astro uses). */
const written = readdirSync(join(ROOT, 'content/measures'))
  .filter((f) => /\.mdx?$/.test(f))
  .sort()
  .map((file) => ({
    file,
    data: loadYaml(splitFrontmatter(readFileSync(join(ROOT, 'content/measures', file), 'utf8')).frontmatter) as Record<string, unknown>,
  }));

const clone = <T>(value: T): T => structuredClone(value);

describe('/data/measure.schema.json', () => {
  it('is a draft 2020-12 schema Ajv compiles in strict mode', () => {
    expect(published.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof validate).toBe('function');
  });

  it('names exactly the fields the entries hold', () => {
    const fields = new Set(written.flatMap(({ data }) => Object.keys(data)));
    expect(Object.keys(published.properties).sort()).toEqual([...fields].sort());
  });

  it.each(written.map((w) => [w.file, w.data] as const))('accepts the frontmatter of %s as written', (_file, data) => {
    expect(validate(data), problems(validate.errors).join('\n')).toBe(true);
  });

  it('accepts every measure as /data/measures.json publishes it (less its address, text and exact values)', () => {
    const { measures } = JSON.parse(readHtml('/data/measures.json')) as { measures: Record<string, unknown>[] };
    expect(measures).toHaveLength(written.length);
    for (const { url: _url, text: _text, figures, ...frontmatter } of measures) {
      const data = { ...frontmatter, figures: (figures as Record<string, unknown>[]).map(({ exactValue: _value, ...f }) => f) };
      expect(validate(data), `(${frontmatter.number}) ${problems(validate.errors).join('; ')}`).toBe(true);
    }
  });

  // Entries an editor might write, each judged by the schema file and by the entry model: the two
  // must agree, in both directions.
  const base = written.find(
    (w) => (w.data.figures as unknown[]).length && (w.data.dates as unknown[]).length && (w.data.corrections as unknown[]).length,
  )!.data;
  // biome-ignore lint/suspicious/noExplicitAny: each variant edits the written entry's data as freely as an editor could
  const variants: [string, (d: Record<string, any>) => void][] = [
    ['unchanged', () => {}],
    [
      'no topics, related, figures, dates, documents or corrections (they default to none)',
      (d) => {
        for (const key of ['topics', 'related', 'figures', 'dates', 'documents', 'corrections']) delete d[key];
      },
    ],
    ['a figure without magnitude, qualifier and label', (d) => (d.figures[0] = { phrase: '3个', value: 3, unit: '个' })],
    ['a figure with an empty unit', (d) => (d.figures[0].unit = '')],
    ['a date with a span', (d) => (d.dates[0] = { phrase: '6月22日至7月9日', year: 2020, yearInferred: true, month: 6, day: 22, until: { month: 7, day: 9 } })],
    ['a correction with no suggestion', (d) => (d.corrections[0].suggested = '')],
    ['a field the model does not know', (d) => (d.summary = '摘要')],
    ['no title', (d) => delete d.title],
    ['an empty title', (d) => (d.title = '')],
    ['no source', (d) => delete d.source],
    ['a status outside the vocabulary', (d) => (d.status = '已完')],
    ['a topic outside the vocabulary', (d) => (d.topics = ['其他'])],
    ['a number that is not whole', (d) => (d.number = 1.5)],
    ['number 0', (d) => (d.number = 0)],
    ['a number written as text', (d) => (d.number = '1')],
    ['a related measure written as text', (d) => (d.related = ['3'])],
    ['a negative figure', (d) => (d.figures[0].value = -1)],
    ['a figure without unit', (d) => delete d.figures[0].unit],
    ['a figure with a field the model does not know', (d) => (d.figures[0].note = '说明')],
    ['a magnitude outside the vocabulary', (d) => (d.figures[0].magnitude = '千')],
    ['an empty figure label', (d) => (d.figures[0].label = '')],
    ['month 13', (d) => (d.dates[0].month = 13)],
    ['day 32', (d) => (d.dates[0].day = 32)],
    ['the year 1899', (d) => (d.dates[0].year = 1899)],
    ['yearInferred written as text', (d) => (d.dates[0].yearInferred = 'true')],
    ['a span without its day', (d) => (d.dates[0].until = { month: 7 })],
    ['a correction without note', (d) => delete d.corrections[0].note],
    ['an empty document', (d) => (d.documents = [''])],
    ['no source paragraphs', (d) => (d.source.paragraphs = [])],
    ['source page 0', (d) => (d.source.page = 0)],
  ];

  it.each(variants)('judges an entry with %s as the entry model does', (_what, change) => {
    const data = clone(base);
    change(data);
    const model = measureSchema.safeParse(data).success;
    expect(validate(data), `schema file: ${problems(validate.errors).join('; ')}`).toBe(model);
  });

  it('rejects most of those variants (so the agreement above is not agreement on accepting everything)', () => {
    const rejected = variants.filter(([, change]) => {
      const data = clone(base);
      change(data);
      return !measureSchema.safeParse(data).success;
    });
    expect(rejected.length).toBe(variants.length - 6);
  });
});
