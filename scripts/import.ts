/**
 * npm run import [-- --force] [-- --dry-run] [-- --source FILE] [-- --content DIR]
 *
 * Builds the entries of content/ (or DIR) from the source text its publication.yaml names (or
 * FILE). Idempotent: entries it wrote and nobody changed are brought up to date; entries an
 * editor changed are skipped and listed with the fields that differ, unless --force is given.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { displayPath } from '../src/build-time/checks/load-entries.ts';
import { contentFolder } from '../src/build-time/settings/content-folder.ts';
import { parseSourcePage } from '../src/pure/text/source-page.ts';
import { settingsOrExit } from './settings-or-exit.ts';
import { buildMeasureEntries, buildSectionEntries } from './importer/build-entries.ts';
import { writeEntries } from './importer/write-entries.ts';

const { values } = parseArgs({
  options: {
    force: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    source: { type: 'string' },
    content: { type: 'string', default: contentFolder() },
  },
});

const settings = settingsOrExit(values.content);
const sourcePath = values.source ? resolve(values.source) : settings.sourcePath;
const page = parseSourcePage(readFileSync(sourcePath, 'utf8'), settings.publication.source);
if (page.problems.length) {
  // Nothing is written from a source the numbering does not explain: say where, and stop.
  for (const p of page.problems) console.error(`${displayPath(process.cwd(), sourcePath)}:${p.line}  source  ${p.message}`);
  console.error(`Nothing was imported. Fix source.numbering in publication.yaml, or tell the editors what the source does that it cannot say.`);
  process.exit(1);
}
const files = [...buildSectionEntries(page, settings), ...buildMeasureEntries(page, settings)];
const results = writeEntries(resolve(values.content), files, { force: values.force, dryRun: values['dry-run'] });

const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
for (const r of results) {
  if (r.outcome === 'unchanged') continue;
  const why = r.differences.length ? `  (differs in: ${r.differences.join(', ')})` : '';
  console.log(`${r.outcome.padEnd(11)} ${values.content}/${r.path}${why}`);
}
const skipped = count('skipped');
console.log(
  `${values['dry-run'] ? '[dry run] ' : ''}${page.measures.length} measures, ${page.sections.length} sections: ` +
    `${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged, ` +
    `${count('overwritten')} overwritten, ${skipped} skipped`,
);
if (skipped) console.log(`Skipped entries were changed by an editor; run with --force to replace them with the import.`);
