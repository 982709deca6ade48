/**
 * A synthetic report of N measures for the search benchmark, made from the real text: measure
 * i is a copy of real measure ((i − 1) mod 30) + 1 whose numbers are varied and whose sentences
 * after the lead are rotated, deterministically by its copy number, so the text reads like the
 * report and queries from the report still match (fewer of them for numbers). Frontmatter is
 * valid by the schema and the entry checks, with every quantity of the text listed in figures as
 * the importer lists them (so figure tables, the figures page and the open data grow with the
 * report) and every date it prints (so does the timeline); corrections, links and diagrams are
 * left out of the measures. The sections, the report's settings and source, and the drawings
 * kept with the report, are copied as they are. The real content/ is only read.
 *
 *   npx node scripts/synthetic/generate.ts --count 1000 --out .cache/bench-search/content-1000
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { splitEntryFile } from '../../src/pure/model/entry-file.ts';
import { measureFileName } from '../../src/pure/model/measure-number.ts';
import { entrySchemas } from '../../src/pure/model/schema.ts';
import { SETTINGS_FILES } from '../../src/build-time/settings/read-settings.ts';
import { reportSettings } from '../../src/build-time/settings/report-settings.ts';
import { findDates, isRealDate } from '../../src/pure/text/dates.ts';
import { figuresIn } from '../importer/build-entries.ts';

function splitEntry(text: string): { frontmatter: string; body: string } {
  const layout = splitEntryFile(text);
  if (!('parts' in layout)) throw new Error('entry has no frontmatter');
  return layout.parts;
}

/**
 * Each run of digits becomes another number of the same length, by the copy number — except
 * the numbers of a date (before 年, 月 or 日), so that every copy's dates exist and the timeline
 * grows with the report like the rest.
 */
function varyNumbers(text: string, copy: number): string {
  if (copy === 0) return text;
  return text.replace(/\d+(?![\d年月日])/g, (digits) => {
    const modulo = 10 ** digits.length;
    const varied = (Number(digits) + copy * 37) % modulo;
    return String(varied).padStart(digits.length, '0');
  });
}

/** The sentences after the lead, rotated by the copy number. */
function rotateSentences(paragraph: string, copy: number): string {
  const sentences = paragraph.match(/[^。]+。?/g) ?? [paragraph];
  if (sentences.length < 3 || copy === 0) return paragraph;
  const [lead, ...rest] = sentences;
  const k = copy % rest.length;
  return [lead, ...rest.slice(k), ...rest.slice(0, k)].join('');
}

/** The body's prose, without code blocks (diagrams) and without links to other entries. */
function prose(body: string): string[] {
  return body
    .replace(/```[\s\S]*?```/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function generateSynthetic(count: number, out: string, contentDir = 'content'): void {
  const { publication, vocabularies } = reportSettings(contentDir);
  const measureSchema = entrySchemas(vocabularies).measure;
  const sourceDir = join(contentDir, 'measures');
  const real = readdirSync(sourceDir)
    .filter((f) => /^\d+\.md$/.test(f))
    .sort()
    .map((f) => {
      const { frontmatter, body } = splitEntry(readFileSync(join(sourceDir, f), 'utf8'));
      return { data: measureSchema.parse(parse(frontmatter)), paragraphs: prose(body) };
    });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'measures'), { recursive: true });
  mkdirSync(join(out, 'sections'), { recursive: true });
  for (const f of readdirSync(join(contentDir, 'sections'))) writeFileSync(join(out, 'sections', f), readFileSync(join(contentDir, 'sections', f)));
  // The report's settings and its source go with the sections: the same report, more measures.
  for (const f of Object.values(SETTINGS_FILES)) cpSync(join(contentDir, f), join(out, f));
  cpSync(join(contentDir, publication.source.file), join(out, publication.source.file));
  // The drawings kept with the report go with its sections: the home page's diagram is drawn from them.
  if (existsSync(join(contentDir, 'diagrams'))) cpSync(join(contentDir, 'diagrams'), join(out, 'diagrams'), { recursive: true });
  for (let i = 1; i <= count; i++) {
    const base = real[(i - 1) % real.length];
    const copy = Math.floor((i - 1) / real.length);
    const vary = (s: string) => varyNumbers(s, copy);
    const paragraphs = base.paragraphs.map((p, j) => vary(j === 0 ? rotateSentences(p, copy) : p));
    const text = paragraphs.join('\n');
    const title = vary(base.data.title);
    const statusNote = vary(base.data.statusNote);
    const data = {
      number: i,
      title,
      // The status note must be words of the text; a rotated copy keeps all its sentences.
      status: base.data.status,
      statusNote: paragraphs.join('').includes(statusNote) ? statusNote : title,
      topics: base.data.topics,
      related: [],
      figures: figuresIn(text),
      // The dates the text prints, as the importer reads them (in text order).
      dates: findDates(text, publication.year).filter((d) => isRealDate(d.year, d.month, d.day)),
      // The documents the text cites, as the model requires (in text order, each once).
      documents: [...new Set([...text.matchAll(/《([^《》]+)》/g)].map((m) => m[1]))],
      source: base.data.source,
      corrections: [],
    };
    measureSchema.parse(data);
    writeFileSync(join(out, 'measures', measureFileName(i)), `---\n${stringify(data)}---\n\n${paragraphs.join('\n\n')}\n`);
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '1000' }, out: { type: 'string', default: '.cache/bench-search/content-1000' } },
  });
  generateSynthetic(Number(values.count), values.out!);
  console.log(`${values.count} measures in ${values.out}`);
}
