/**
 * Shared reading of the real source page for the unit tests. The printed lines are read here
 * independently of src/pure/text/source-page.ts (non-empty lines, trimmed), so that the tests can check
 * the module against the file rather than against itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSourcePage, type SourceMeasure, type SourcePage } from '../../src/pure/text/source-page.ts';
import { filesUnder } from '../../src/build-time/files-under.ts';
import { reportSettings } from '../../src/build-time/settings/report-settings.ts';
import { ROOT } from './paths.ts';

export { ROOT };

export const SOURCE_PATH = join(ROOT, 'content/source/report-page2.txt');
export const SOURCE_TEXT = readFileSync(SOURCE_PATH, 'utf8');

/** The printed paragraphs as the shared README describes them: one non-empty line each. */
export const SOURCE_LINES: string[] = SOURCE_TEXT.split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line.length > 0);

export function realPage(): SourcePage {
  return parseSourcePage(SOURCE_TEXT, reportSettings(join(ROOT, 'content')).publication.source);
}

/** The whole text of a measure, paragraph by paragraph, as the importer gives it to its proposers. */
export function measureText(measure: SourceMeasure): string {
  return measure.paragraphs.map((p) => p.text).join('\n');
}

export function measure(page: SourcePage, number: number): SourceMeasure {
  const found = page.measures.find((m) => m.number === number);
  if (!found) throw new Error(`measure (${number}) not found`);
  return found;
}

export const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Files (not folders) under a directory, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return filesUnder(dir).sort();
}

/** Splits an entry file into its YAML frontmatter and its body. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('entry has no frontmatter');
  return { frontmatter: match[1], body: match[2] };
}
