/**
 * The publication reproduces the source: every paragraph of the page (column breaks joined)
 * appears verbatim on the source page, and every paragraph of a measure on its measure page.
 * Texts are compared as a reader sees them, with the markup (figure marks, correction marks,
 * column-break marks) contributing no characters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSourcePage } from '../../src/lib/source-page.ts';
import { readPage, select, selectAll, textOf } from '../support/built-site.ts';
import { ROOT } from '../support/paths.ts';

const source = parseSourcePage(readFileSync(join(ROOT, 'content/source/report-page2.txt'), 'utf8'));
const pad = (n: number) => String(n).padStart(2, '0');

describe('source page', () => {
  const page = readPage('/source/');
  const shown = selectAll('.source-text > p', page).map((p) => {
    const number = select('.para-number', p);
    const all = textOf(p);
    return number ? all.slice(textOf(number).length) : all;
  });

  it('shows each joined paragraph of the source verbatim, once, in order', () => {
    expect(shown).toEqual(source.paragraphs.map((p) => p.text));
  });

  it('marks the five column breaks where they were joined', () => {
    expect(selectAll('.source-text .column-break', page)).toHaveLength(
      source.paragraphs.filter((p) => p.parts.length > 1).length,
    );
  });
});

describe.each(source.measures.map((m) => [m.number, m] as const))('measure (%i)', (number, measure) => {
  it('shows every paragraph of the measure verbatim on its page', () => {
    const page = readPage(`/measures/${pad(number)}/`);
    const paragraphs = selectAll('.measure-text > p', page).map((p) => textOf(p));
    for (const p of measure.paragraphs) expect(paragraphs).toContain(p.text);
  });
});

describe('intro sections', () => {
  it('show their paragraphs verbatim on the home page', () => {
    const text = selectAll('main p', readPage('/')).map((p) => textOf(p));
    for (const section of source.sections) for (const p of section.paragraphs) expect(text).toContain(p.text);
  });
});
