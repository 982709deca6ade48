/**
 * "Statuses, topics, related measures, labels and corrections are editorial and are shown as
 * such on the site" (README). Wherever a built page shows one of them, its main content says
 * that the editors made it, as the measure page does for a status (（编者判断）), the topics page
 * for topics, the figures page for labels, the notes under 编者订正 (tests/support/editorial-marks.ts).
 * The footer's general sentence does not count: a reader who sees a status must not have to look
 * for what it is. (The list pages of a larger report: large-report.test.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/pure/model/schema.ts';
import { readPage } from '../support/built-site.ts';
import { shownJudgements, unmarkedJudgements, type Judgements } from '../support/editorial-marks.ts';
import { readMeasureEntries } from '../support/entries.ts';
import { ROOT, TEST_SITE_DIR } from '../support/paths.ts';
import { splitFrontmatter } from '../support/source-text.ts';

const entries = readMeasureEntries();
// The intro's headline figures are labelled too (the home page shows them).
const sectionFigures = readdirSync(join(ROOT, 'content/sections'))
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => (parseYaml(splitFrontmatter(readFileSync(join(ROOT, 'content/sections', f), 'utf8')).frontmatter) as { figures?: Figure[] }).figures ?? []);
const judgements: Judgements = {
  figures: [...entries.flatMap((e) => e.data.figures), ...sectionFigures],
  corrections: entries.flatMap((e) => e.data.corrections),
};
const files = readdirSync(TEST_SITE_DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html'))
  .sort();

describe('editorial judgements shown as such', () => {
  it('are found where the pages show them (so the check below has something to check)', () => {
    const on = (path: string) => [...shownJudgements(readPage(path), judgements).keys()].sort();
    expect(on('/measures/17/')).toEqual(['correction', 'label', 'related', 'status', 'topic']);
    expect(on('/source/')).toEqual(['correction']);
    expect(on('/topics/')).toEqual(['status', 'topic']);
    expect(on('/figures/')).toEqual(['label', 'status']);
    expect(on('/')).toEqual(['label', 'status']);
  });

  it.each(files)('%s says that the editors made those it shows', (file) => {
    expect(unmarkedJudgements(readPage(`/${file}`), judgements)).toEqual([]);
  });
});
