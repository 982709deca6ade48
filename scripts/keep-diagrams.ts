/**
 * npm run diagrams:keep [-- --dist DIR] [--content DIR] [--dry-run]
 *
 * After `npm run build`: keeps with the report (content/diagrams/, to commit with the entries)
 * exactly the drawings the built site shows. It copies in those drawn since (from the build's
 * cache) and removes those no page shows any more, and lists both. Builds read the kept drawings
 * first, so a build of the repository on any machine shows the drawings the editors saw, and
 * needs no browser for them. Build with the settings the site is published with (BASE_PATH
 * changes the links drawn in the topics diagram).
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keepDrawings } from '../src/build-time/diagrams/kept-drawings.ts';
import { drawingFile, keptDrawingsIn } from '../src/build-time/diagrams/drawing-files.ts';
import { contentFolder } from '../src/build-time/settings/content-folder.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    content: { type: 'string', default: contentFolder() },
    'dry-run': { type: 'boolean', default: false },
  },
});

const keptDir = keptDrawingsIn(values.content);
const dryRun = values['dry-run'];
const result = keepDrawings(resolve(values.dist), { keptDir, dryRun });
// A kept drawing's file as the editor would type it: from here, or in full when it lies outside.
const named = (file: string) => (relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file));
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const shown = (keys: string[], what: string) => keys.forEach((key) => console.log(`${what.padEnd(8)} ${named(drawingFile(keptDir, key))}`));
if (result.missing.length) {
  for (const { keyStart, page } of result.missing) console.error(`missing  drawing d${keyStart}… shown on ${page}: neither kept nor in the build's cache`);
  console.error(`Nothing was changed. Build the site on this machine (npm run build), then run this again.`);
  process.exit(1);
}
shown(result.added, 'added');
shown(result.removed, 'removed');
console.log(
  `${dryRun ? '[dry run] ' : ''}${plural(result.added.length + result.unchanged.length, 'drawing')} shown by ${values.dist}: ` +
    `${result.added.length} added, ${result.unchanged.length} already kept, ${result.removed.length} removed (no page shows them).`,
);
