/**
 * npm run new -- "标题" [--number N] [--content DIR]
 *
 * Creates the next measure, content/measures/NN.md, numbered one past the highest number there
 * is (or N), with frontmatter the model accepts and a placeholder for the text, and prints its
 * path. It never overwrites a file: if NN.md exists (or appears while it runs), it stops and
 * says so.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Document } from 'yaml';
import { contentFolder } from '../src/build-time/settings/content-folder.ts';
import { BODY_PLACEHOLDER } from '../src/build-time/checks/markdown.ts';
import { measureFileName } from '../src/pure/model/measure-number.ts';
import { entrySchemas } from '../src/pure/model/schema.ts';
import { settingsOrExit } from './settings-or-exit.ts';
import { displayPath, loadEntries } from '../src/build-time/checks/load-entries.ts';

const { values, positionals } = parseArgs({
  options: { content: { type: 'string', default: contentFolder() }, number: { type: 'string' } },
  allowPositionals: true,
});

const usage = 'usage: npm run new -- "措施的标题（原文的第一句，不带句号）" [--number N]';
const title = positionals
  .join(' ')
  .trim()
  .replace(/[。.]+$/u, '')
  .trim();
if (!title) {
  console.error(`No title given.\n${usage}`);
  process.exit(2);
}

const root = process.cwd();
const contentDir = resolve(root, values.content);
const dir = join(contentDir, 'measures');
mkdirSync(dir, { recursive: true });

// The highest number there is, from the frontmatter, or the file name of an entry that cannot be read.
const { entries } = loadEntries(contentDir, root);
const numbers = entries
  .filter((e) => e.kind === 'measure')
  .map((e) => (e.data as { number?: unknown } | undefined)?.number)
  .filter((n): n is number => typeof n === 'number' && Number.isInteger(n));
for (const name of readdirSync(dir)) {
  const m = /^(\d+)\.mdx?$/.exec(name);
  if (m) numbers.push(Number(m[1]));
}
const asked = values.number === undefined ? undefined : Number(values.number);
if (asked !== undefined && !(Number.isInteger(asked) && asked > 0)) {
  console.error(`--number ${values.number} is not a whole number above 0.\n${usage}`);
  process.exit(2);
}
const number = asked ?? Math.max(0, ...numbers) + 1;
const name = measureFileName(number);
const path = join(dir, name);

const { publication, vocabularies } = settingsOrExit(contentDir);
const STATUS_LABELS = vocabularies.statuses.map((s) => s.label);
const TOPIC_LABELS = vocabularies.topics.map((t) => t.label);
const planned = STATUS_LABELS.find((s) => s === '计划中') ?? STATUS_LABELS[0];
const data = entrySchemas(vocabularies).measure.parse({
  number,
  title,
  status: planned,
  statusNote: title,
  topics: [],
  related: [],
  figures: [],
  dates: [],
  documents: [],
  source: { page: publication.source.held[0], paragraphs: [1] },
  corrections: [],
});

const doc = new Document(data);
for (const key of ['topics', 'related', 'figures', 'dates', 'documents', 'corrections', 'source.paragraphs']) {
  const node = doc.getIn(key.split('.'), true) as { flow?: boolean } | undefined;
  if (node) node.flow = true;
}
const comment = (key: string, text: string) => {
  const pair = doc.getIn([key], true) as { comment?: string } | undefined;
  if (pair) pair.comment = ` ${text}`;
};
comment('status', `${STATUS_LABELS.join(' | ')}：按原文判断，见 EDITING.md`);
comment('statusNote', '改为原文中说明状态的原话');
comment('topics', `从 ${TOPIC_LABELS.join('、')} 中选`);
const paragraphs = doc.getIn(['source', 'paragraphs'], true) as { comment?: string } | undefined;
if (paragraphs) paragraphs.comment = ' 改为原文所在的段落（见网站“原文”页的段号）';

const text = `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n\n${title}。\n\n${BODY_PLACEHOLDER}\n`;

try {
  // `wx`: fail rather than replace a file that exists, even one created a moment ago.
  writeFileSync(path, text, { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
    console.error(`${displayPath(root, path)} exists already; nothing was written. Edit it, or move it aside first.`);
    process.exit(1);
  }
  throw error;
}
console.log(displayPath(root, path));
