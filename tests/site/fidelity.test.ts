/**
 * The publication reproduces the source: every paragraph of the page (column breaks joined)
 * appears on the source page exactly as extracted, character for character, and every paragraph
 * of a measure on its measure page through the one punctuation mapping of the reading pages
 * (src/pure/text/chinese-punctuation.ts: the source's ASCII commas and brackets shown as
 * Chinese punctuation) and nothing else. Texts are compared as a reader sees them, with the
 * markup (figure marks, correction marks, column-break marks) contributing no characters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSourcePage } from '../../src/pure/text/source-page.ts';
import { reportSettings } from '../../src/build-time/settings/report-settings.ts';
import { chinesePunctuation } from '../../src/pure/text/chinese-punctuation.ts';
import { readPage, select, selectAll, textOf } from '../support/built-site.ts';
import { ROOT } from '../support/paths.ts';

const source = parseSourcePage(readFileSync(join(ROOT, 'content/source/report-page2.txt'), 'utf8'), reportSettings(join(ROOT, 'content')).publication.source);
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

  it('shows each printed line of the source file exactly, between the column-break marks', () => {
    const lines = readFileSync(join(ROOT, 'content/source/report-page2.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const printed = source.paragraphs.flatMap((p) => {
      const node = selectAll('.source-text > p', page)[source.paragraphs.indexOf(p)];
      // The paragraph's text without its number, cut where the column-break marks stand.
      const parts: string[] = [''];
      const walk = (n: (typeof node.children)[number]) => {
        if (n.type === 'text') parts[parts.length - 1] += n.value;
        else if (n.type === 'element' && n.properties.className?.toString().includes('para-number')) return;
        else if (n.type === 'element' && n.properties.className?.toString().includes('column-break')) parts.push('');
        else if (n.type === 'element') n.children.forEach(walk);
      };
      node.children.forEach(walk);
      return parts.map((t) => t.trim());
    });
    expect(Buffer.from(printed.join('\n'))).toEqual(Buffer.from(lines.join('\n')));
  });

  it('marks the five column breaks where they were joined', () => {
    expect(selectAll('.source-text .column-break', page)).toHaveLength(source.paragraphs.filter((p) => p.parts.length > 1).length);
  });
});

describe.each(source.measures.map((m) => [m.number, m] as const))('measure (%i)', (number, measure) => {
  it('shows every paragraph of the measure verbatim on its page', () => {
    const page = readPage(`/measures/${pad(number)}/`);
    const paragraphs = selectAll('.measure-text > p', page).map((p) => textOf(p));
    for (const p of measure.paragraphs) expect(paragraphs).toContain(chinesePunctuation(p.text));
  });
});

describe('intro sections', () => {
  it('show their paragraphs verbatim on the home page', () => {
    const text = selectAll('main p', readPage('/')).map((p) => textOf(p));
    for (const section of source.sections) for (const p of section.paragraphs) expect(text).toContain(chinesePunctuation(p.text));
  });
});
