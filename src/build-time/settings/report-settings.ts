/**
 * The settings of the report being built — the content folder's (content/, or CONTENT_DIR) —
 * read once per process and shared by the collections, the pages, the build's integrations and
 * the scripts. Settings with a problem stop whoever asks for them with the problems' lines, as
 * `npm run check` prints them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem } from '../../pure/problems/format.ts';
import { contentFolder } from './content-folder.ts';
import { parseSourcePage, type SourcePage } from '../../pure/text/source-page.ts';
import { readSettings, type ReportSettings } from './read-settings.ts';

export type { ReportSettings } from './read-settings.ts';

/** Settings that cannot be used, with every problem found in them. */
export class SettingsError extends Error {
  constructor(lines: string[]) {
    super(`The report's settings need fixing:\n${lines.join('\n')}`);
    this.name = 'SettingsError';
  }
}

const read = new Map<string, ReportSettings>();

/** The settings of the content folder `contentDir` (default: the one being built), read once. */
export function reportSettings(contentDir: string = contentFolder()): ReportSettings {
  const folder = resolve(contentDir);
  let settings = read.get(folder);
  if (!settings) {
    const reading = readSettings(folder);
    if (!reading.settings || reading.problems.some((p) => p.severity === 'error')) throw new SettingsError(reading.problems.map(formatProblem));
    settings = reading.settings;
    read.set(folder, settings);
  }
  return settings;
}

const sources = new Map<string, string>();

/** The source text of the report being built (publication.yaml's source.file), read once. */
export function sourceText(contentDir: string = contentFolder()): string {
  const { sourcePath } = reportSettings(contentDir);
  let text = sources.get(sourcePath);
  if (text === undefined) {
    text = readFileSync(sourcePath, 'utf8');
    sources.set(sourcePath, text);
  }
  return text;
}

const pages = new Map<string, SourcePage>();

/** The source of the report being built, read by its numbering (publication.yaml), once. */
export function sourcePage(contentDir: string = contentFolder()): SourcePage {
  const { sourcePath, publication } = reportSettings(contentDir);
  let page = pages.get(sourcePath);
  if (!page) {
    page = parseSourcePage(sourceText(contentDir), publication.source);
    pages.set(sourcePath, page);
  }
  return page;
}
