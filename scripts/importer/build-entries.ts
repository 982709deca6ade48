/**
 * Turns the parsed source page into entry files: frontmatter that the model accepts and a body
 * that is the source's text, verbatim, one Markdown paragraph per written paragraph.
 */
import { toMarkdown } from 'mdast-util-to-markdown';
import { Document } from 'yaml';
import { findDates } from '../../src/pure/text/dates.ts';
import { findDocuments } from '../../src/pure/text/documents.ts';
import { findFigures } from '../../src/pure/text/figures.ts';
import { type Paragraph, printedPositions, type SourcePage } from '../../src/pure/text/source-page.ts';
import { measureFileName } from '../../src/pure/model/measure-number.ts';
import { entrySchemas, sectionSchema, type Figure, type MeasureData, type SectionData } from '../../src/pure/model/schema.ts';
import type { ReportSettings } from '../../src/build-time/settings/read-settings.ts';
import { proposeStatus } from './propose-status.ts';
import { proposeTopics } from './propose-topics.ts';

export interface EntryFile {
  /** Path relative to the content folder, e.g. `measures/01.md`. */
  path: string;
  data: MeasureData | SectionData;
  text: string;
}

/** Every quantity of a text as a figure of the model, in text order. */
export function figuresIn(text: string): Figure[] {
  return findFigures(text).map(({ index: _index, ...figure }) => figure);
}

/** Markdown for paragraphs of plain text, escaped by the Markdown serializer itself. */
export function bodyMarkdown(paragraphs: Paragraph[]): string {
  return toMarkdown({
    type: 'root',
    children: paragraphs.map((p) => ({ type: 'paragraph', children: [{ type: 'text', value: p.text }] })),
  });
}

function entryText(data: object, body: string, flowKeys: string[]): string {
  const doc = new Document(data);
  // Short lists of scalars read better on one line: `topics: [理论学习, 思想引领]`.
  for (const key of flowKeys) {
    const node = doc.getIn(key.split('.'), true) as { flow?: boolean } | undefined;
    if (node) node.flow = true;
  }
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n\n${body}`;
}

/** The settings an import reads: the report's year and source page, and its vocabularies. */
export type ImportSettings = Pick<ReportSettings, 'publication' | 'vocabularies'>;

export function buildMeasureEntries(page: SourcePage, { publication, vocabularies }: ImportSettings): EntryFile[] {
  return page.measures.map((measure) => {
    const text = measure.paragraphs.map((p) => p.text).join('\n');
    const data = entrySchemas(vocabularies).measure.parse({
      number: measure.number,
      title: measure.title,
      ...proposeStatus(measure.title, text, vocabularies.statuses),
      topics: proposeTopics(measure.title, text, vocabularies.topics),
      related: [],
      figures: figuresIn(text),
      dates: findDates(text, publication.year),
      documents: findDocuments(text),
      source: { page: publication.source.held[0], paragraphs: printedPositions(measure.paragraphs) },
      corrections: [],
    });
    return {
      path: `measures/${measureFileName(measure.number)}`,
      data,
      text: entryText(data, bodyMarkdown(measure.paragraphs), ['topics', 'related', 'source.paragraphs']),
    };
  });
}

export function buildSectionEntries(page: SourcePage, { publication }: Pick<ImportSettings, 'publication'>): EntryFile[] {
  return page.sections.map((section, i) => {
    const heading = section.heading.text;
    // Named by the numbers of its headings: part-2.md for 二、, part-1-3.md for (三) under 一、.
    const part = section.numbers[0];
    const text = section.paragraphs.map((p) => p.text).join('\n');
    const data = sectionSchema.parse({
      order: i + 1,
      heading,
      part,
      figures: figuresIn(text),
      source: { page: publication.source.held[0], paragraphs: printedPositions([section.heading, ...section.paragraphs]) },
    });
    return {
      path: `sections/part-${section.numbers.join('-')}.md`,
      data,
      text: entryText(data, bodyMarkdown(section.paragraphs), ['source.paragraphs']),
    };
  });
}
