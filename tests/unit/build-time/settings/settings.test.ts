/**
 * The report's settings (content/publication.yaml, content/vocabularies.yaml): the real ones are
 * read without a problem; broken ones, one fault each, give exactly the line `npm run check`
 * prints (file, line, column, field, what was expected), through the API and the command; and
 * the entries' schema takes its statuses and topics from the vocabularies.
 */
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../../../src/build-time/checks/index.ts';
import { entrySchemas } from '../../../../src/pure/model/schema.ts';
import { missingPages } from '../../../../src/pure/model/settings-schema.ts';
import { readSettings } from '../../../../src/build-time/settings/read-settings.ts';
import { reportSettings, SettingsError } from '../../../../src/build-time/settings/report-settings.ts';
import { ROOT } from '../../../support/paths.ts';
import { fixtureRoot, removeFixtures, replaceIn, runScript } from '../checks/support.ts';

afterAll(removeFixtures);

const P = 'content/publication.yaml';
const V = 'content/vocabularies.yaml';

/** The lines the checks print for a fixture folder broken by `change`. */
async function linesAfter(change: (root: string) => void): Promise<string[]> {
  const root = fixtureRoot();
  change(root);
  return (await checkContent({ root })).problems.map(formatProblem);
}

describe("the real report's settings", () => {
  it('are read without a problem', () => {
    const { settings, problems } = readSettings(join(ROOT, 'content'), ROOT);
    expect(problems).toEqual([]);
    expect(settings!.vocabularies.statuses.length).toBeGreaterThan(0);
    expect(missingPages(settings!.publication.source)).toEqual([1, 3]);
  });

  it('give the entries their statuses and topics', () => {
    const { vocabularies } = reportSettings(join(ROOT, 'content'));
    const { measure } = entrySchemas(vocabularies);
    const first = vocabularies.statuses[0].label;
    const entry = { number: 1, title: 't', status: first, statusNote: 'n', topics: [vocabularies.topics[0].label], source: { page: 2, paragraphs: [1] } };
    expect(measure.safeParse(entry).success).toBe(true);
    expect(measure.safeParse({ ...entry, status: `${first}了` }).success).toBe(false);
    expect(measure.safeParse({ ...entry, topics: ['另一个主题'] }).success).toBe(false);
    // Made once for each vocabularies read.
    expect(entrySchemas(vocabularies).measure).toBe(measure);
  });
});

const CASES: { name: string; change: (root: string) => void; lines: string[] }[] = [
  {
    name: 'a colour the stylesheet does not have',
    change: (r) => replaceIn(r, V, 'colour: green', 'colour: pink'),
    lines: [`${V}:9:13  statuses[1].colour  "pink" is not one of green, blue, yellow, purple, grey, red`],
  },
  {
    name: 'a status label given twice',
    change: (r) => replaceIn(r, V, 'label: 推进中', 'label: 已完成'),
    lines: [`${V}:12:12  statuses[2].label  "已完成" is given twice; expected each label once`],
  },
  {
    name: 'a slug with a capital letter',
    change: (r) => replaceIn(r, V, 'slug: planned', 'slug: Planned'),
    lines: [`${V}:18:11  statuses[3].slug  "Planned" is not lower-case letters, digits and -, such as in-progress`],
  },
  {
    name: 'an organisation of a kind not listed',
    change: (r) => replaceIn(r, V, '{ name: 科技部, kind: 党政机关 }', '{ name: 科技部, kind: 部委 }'),
    lines: [
      `${V}:49:24  organisations[3].kind  "部委" is not one of the organisationKinds; expected one of 党政机关, 人大, 新闻媒体, 工会组织, 学术和社会组织, 企业`,
    ],
  },
  {
    name: 'a field misspelt',
    change: (r) => replaceIn(r, P, 'subject:', 'subjcet:'),
    lines: [`${P}:1:1  subject  is missing; expected text`, `${P}:8:1  subjcet  "subjcet" is not a field; did you mean subject?`],
  },
  {
    name: 'a date not written YYYY-MM-DD',
    change: (r) => replaceIn(r, P, 'asOf: 2020-09-30', 'asOf: 2020-9-30'),
    lines: [`${P}:12:7  asOf  "2020-9-30" is not a date written YYYY-MM-DD, such as 2021-06-30`],
  },
  {
    name: 'a page held beyond the pages there are',
    change: (r) => replaceIn(r, P, 'held: [2]', 'held: [2, 4]'),
    lines: [`${P}:22:13  source.held[2]  4 is not a page of the 3; expected a page from 1 to 3`],
  },
  {
    name: 'an address for errors that is no address',
    change: (r) => replaceIn(r, P, '# reportErrorsTo: mailto:…', 'reportErrorsTo: 请来信'),
    lines: [`${P}:31:17  reportErrorsTo  "请来信" is not a web address (https://…) or a mail address (mailto:…)`],
  },
  {
    name: 'a full-width colon',
    change: (r) => replaceIn(r, P, 'reporter: ', 'reporter：'),
    lines: [
      `${P}:7:1  yaml  "reporter：中华全国总工会党组（全总党组）" does not parse: Implicit keys need to be on a single line (the colon after a field name must be the half-width :, not ：)`,
    ],
  },
  {
    name: 'the source changed since its SHA-256 was recorded',
    change: (r) => writeFileSync(join(r, 'content/source/report-page2.txt'), `${readFileSync(join(r, 'content/source/report-page2.txt'), 'utf8')}多一行。\n`),
    lines: [
      `${P}:18:11  source.sha256  content/source/report-page2.txt has the SHA-256 ${'x'.repeat(64)}, not the f19288dc4519b8d15a5f6d53d45fc271b84041db0272995f64d9c40498a28e98 recorded here; expected the source unchanged (if it was changed on purpose, record its new SHA-256)`,
    ],
  },
  {
    name: 'a source outside the content folder',
    change: (r) => replaceIn(r, P, 'file: source/report-page2.txt', 'file: ../package.json'),
    lines: [`${P}:17:9  source.file  "../package.json" is not a path inside the content folder, such as source/report.txt`],
  },
  {
    name: 'a source that links outside the content folder',
    change: (r) => {
      symlinkSync(join(ROOT, 'package.json'), join(r, 'content/source/link.txt'));
      replaceIn(r, P, 'file: source/report-page2.txt', 'file: source/link.txt');
    },
    lines: [`${P}:17:9  source.file  "source/link.txt" leads outside the content folder; expected a file inside it`],
  },
  {
    name: 'a numbering that is no example of a number',
    change: (r) => replaceIn(r, P, 'measures: (1)', 'measures: 措施'),
    lines: [
      `${P}:25:15  source.numbering.measures  "措施" is not an example of one number as the source writes it; expected one such as (1), 1., 一、 or (一)`,
    ],
  },
  {
    name: 'a numbering that YAML reads as a number',
    change: (r) => replaceIn(r, P, 'measures: (1)', 'measures: 1.'),
    lines: [`${P}:25:15  source.numbering.measures  1 reads as a number; expected the example in quotes, such as '1.'`],
  },
  {
    name: 'a numbering the source does not follow',
    change: (r) => replaceIn(r, P, 'measures: (1)', "measures: '1.'"),
    lines: [
      'content/source/report-page2.txt:3:1  source.numbering  no paragraph begins a measure numbered like 1.; expected the measures to begin so (source.numbering.measures in publication.yaml)',
    ],
  },
  {
    name: 'the vocabularies missing',
    change: (r) => rmSync(join(r, V)),
    lines: [`${V}  file  is missing; expected the report's vocabularies (README: “Publish your own report”)`],
  },
];

describe('settings with one fault', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: the checks name file, line, field and what was expected', async (_name, c) => {
    const lines = await linesAfter(c.change);
    // The hash of a changed file is the file's: compare it apart.
    expect(lines.map((l) => l.replace(/SHA-256 [0-9a-f]{64},/, `SHA-256 ${'x'.repeat(64)},`))).toEqual(c.lines);
  });

  it('stop the build with the same lines', () => {
    const root = fixtureRoot();
    replaceIn(root, V, 'colour: green', 'colour: pink');
    expect(() => reportSettings(join(root, 'content'))).toThrow(SettingsError);
    expect(() => reportSettings(join(root, 'content'))).toThrow(/statuses\[1\]\.colour {2}"pink" is not one of green/);
  });

  it('are printed by npm run check, with exit code 1', { timeout: 60_000 }, async () => {
    const root = fixtureRoot();
    replaceIn(root, V, 'colour: green', 'colour: pink');
    const run = await runScript('scripts/check.ts', ['--content', 'content'], root);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(`${V}:9:13  statuses[1].colour  "pink" is not one of green, blue, yellow, purple, grey, red`);
  });
});
