/**
 * npm run check [-- --content DIR] [--max-entry-bytes N]
 *
 * Checks every entry of content/ (or DIR) without building the site and prints every problem,
 * one line each: `content/measures/12.md:4:9  status  "已完" is not one of 已完成, …`.
 * Exits 1 when there is an error, 0 when there are only warnings or nothing. The build and the
 * preview run the same checks (src/build-time/checks/, through src/build-time/integrations/entry-checks.ts).
 */
import { parseArgs } from 'node:util';
import { contentFolder } from '../src/build-time/settings/content-folder.ts';
import { checkContent, formatReport } from '../src/build-time/checks/index.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: contentFolder() },
    'max-entry-bytes': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('npm run check [-- --content DIR] [--max-entry-bytes N]   check every entry; exit 1 on any error');
  process.exit(0);
}

const started = performance.now();
const limit = values['max-entry-bytes'] === undefined ? undefined : Number(values['max-entry-bytes']);
if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
  console.error(`--max-entry-bytes ${values['max-entry-bytes']}: expected a whole number of bytes above 0`);
  process.exit(2);
}
const result = await checkContent({ contentDir: values.content, root: process.cwd(), maxEntryBytes: limit });
console.log(formatReport(result.problems, result.entries));
if (process.stdout.isTTY) console.log(`(${Math.round(performance.now() - started)} ms)`);
process.exitCode = result.errors ? 1 : 0;
