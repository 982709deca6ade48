/**
 * The code is a generator: everything about one report is in its content folder. So nothing
 * under src/ — code, markup, styles and comments alike — names this report: not its title,
 * subtitle, reporter, subject, source file or hash, its statuses, topics or organisations (all
 * read from content/publication.yaml and content/vocabularies.yaml), nor its year, nor the words
 * that would give it away (全总, 全国总工会, 总工会, 工会, 巡视, 党组, its pages 第1版–第3版).
 * An example in a comment uses a made-up report (某区市场监管局, 2021, 第4版).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSettings } from '../../src/build-time/settings/report-settings.ts';
import { ROOT } from '../support/paths.ts';

const { publication, vocabularies } = reportSettings(join(ROOT, 'content'));

const NAMES = [
  publication.title,
  publication.subtitle,
  publication.reporter,
  publication.subject,
  publication.missingNote,
  publication.source.file.split('/').at(-1),
  publication.source.sha256,
  String(publication.year),
  ...vocabularies.statuses.map((s) => s.label),
  ...vocabularies.topics.map((t) => t.label),
  ...vocabularies.organisations.flatMap((o) => [o.name, ...(o.aliases ?? [])]),
  '全总',
  '全国总工会',
  '总工会',
  '工会',
  '巡视',
  '党组',
  '第1版',
  '第2版',
  '第3版',
].filter((name): name is string => !!name);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('src/', () => {
  it('names nothing of the report it publishes', () => {
    const found: string[] = [];
    for (const file of filesUnder(join(ROOT, 'src'))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const names = NAMES.filter((name) => line.includes(name));
          if (names.length) found.push(`${relative(ROOT, file)}:${i + 1}  ${names.join(', ')}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('is searched for every name the settings give', () => {
    // The list is made from the settings: it holds the organisations and the year, not only the fixed words.
    expect(NAMES).toContain(vocabularies.organisations[0].name);
    expect(NAMES).toContain(String(publication.year));
    expect(NAMES.length).toBeGreaterThan(40);
  });
});
