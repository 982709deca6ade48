/**
 * The parts of the entry checks on their own, and the real content/ against all of them.
 */
import type { Paragraph } from 'mdast';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../../../src/build-time/checks/index.ts';
import { formatPlace, formatSummary } from '../../../../src/pure/problems/format.ts';
import { dateProblems } from '../../../../src/build-time/checks/dates.ts';
import { firstInvalidUtf8Byte } from '../../../../src/build-time/checks/encoding.ts';
import { occurrences, unmatchedPhrases } from '../../../../src/build-time/checks/occurrences.ts';
import { fieldName, shown, type Problem } from '../../../../src/pure/problems/problem.ts';
import { closest, describeSchema, fieldsAt, schemaAt } from '../../../../src/pure/problems/schema-issues.ts';
import { markPhrases } from '../../../../src/build-time/markdown/mark-phrases.ts';
import { correctionSchema, dateSchema, entrySchemas, figureSchema, sectionSchema, sourcePositionSchema } from '../../../../src/pure/model/schema.ts';
import { reportSettings } from '../../../../src/build-time/settings/report-settings.ts';
import { MAGNITUDE_WORDS, QUALIFIER_WORDS } from '../../../../src/pure/model/figure-words.ts';
import { STATUS_LABELS, TOPIC_LABELS } from '../../../support/report-vocabulary.ts';
import { ROOT } from '../../../support/paths.ts';
import { OUTSIDE } from './hostile-cases.ts';
import { fixtureRoot, removeFixtures, replaceIn } from './support.ts';

/** The real report's measure schema, made from its vocabularies. */
const measureSchema = entrySchemas(reportSettings(join(ROOT, 'content')).vocabularies).measure;

describe('the real entries in content/', () => {
  it('pass every check with no error', async () => {
    const result = await checkContent({ root: ROOT });
    expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(result.entries).toBeGreaterThanOrEqual(32);
  });
});

describe('what is expected comes from the model, never retyped', () => {
  it('reads the statuses and topics from the vocabulary', () => {
    expect(describeSchema(schemaAt(measureSchema, ['status']))).toBe(`one of ${STATUS_LABELS.join(', ')}`);
    expect(describeSchema(schemaAt(measureSchema, ['topics', 0]))).toBe(`one of ${TOPIC_LABELS.join(', ')}`);
  });

  it('reads ranges and fields from the schema', () => {
    expect(describeSchema(schemaAt(measureSchema, ['dates', 0, 'month']))).toBe('a whole number from 1 to 12');
    expect(describeSchema(schemaAt(measureSchema, ['number']))).toBe('a whole number above 0');
    expect(fieldsAt(measureSchema, [])).toEqual(Object.keys(measureSchema.shape));
    expect(fieldsAt(measureSchema, ['figures', 0])).toEqual(['phrase', 'value', 'unit', 'magnitude', 'qualifier', 'label', 'per']);
  });

  it('suggests the field an editor meant, and nothing for a word far from every field', () => {
    const fields = fieldsAt(measureSchema, []);
    expect(closest('stauts', fields)).toBe('status');
    expect(closest('Topics', fields)).toBe('topics');
    expect(closest('relatd', fields)).toBe('related');
    expect(closest('备注', fields)).toBeUndefined();
  });
});

describe('printing', () => {
  const p = (over: Partial<Problem>): Problem => ({
    file: 'content/measures/12.md',
    field: 'status',
    found: '',
    expected: '',
    message: 'm',
    severity: 'error',
    ...over,
  });

  it('prints file:line:column, two spaces, the field, two spaces, the message', () => {
    expect(formatProblem(p({ line: 4, column: 9, message: '"已完" is not one of 已完成' }))).toBe(
      'content/measures/12.md:4:9  status  "已完" is not one of 已完成',
    );
    expect(formatPlace(p({ line: 4 }))).toBe('content/measures/12.md:4');
    expect(formatPlace(p({}))).toBe('content/measures/12.md');
    expect(formatProblem(p({ severity: 'warning', message: 'x' }))).toBe('content/measures/12.md  status  warning: x');
  });

  it('counts in the closing line', () => {
    expect(formatSummary({ errors: 0, warnings: 0, entries: 32 })).toBe('32 entries checked: no problems');
    expect(formatSummary({ errors: 1, warnings: 2, entries: 1 })).toBe('1 error, 2 warnings in 1 entry');
  });

  it('names fields the way an editor counts list items, from 1', () => {
    expect(fieldName(['figures', 1, 'value'])).toBe('figures[2].value');
    expect(fieldName(['dates', 0, 'until', 'day'])).toBe('dates[1].until.day');
    expect(shown('已完')).toBe('"已完"');
    expect(shown(null)).toBe('empty');
    expect(shown([1, '2'])).toBe('[1, "2"]');
  });
});

describe('UTF-8', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8Byte(Buffer.from('工会 ok'))).toBe(-1);
    expect(firstInvalidUtf8Byte(bytes(0x61, 0xb9, 0xa4))).toBe(1); // GBK 工
    expect(firstInvalidUtf8Byte(bytes(0xc0, 0x80))).toBe(0); // overlong
    expect(firstInvalidUtf8Byte(bytes(0x61, 0xed, 0xa0, 0x80))).toBe(1); // a surrogate
    expect(firstInvalidUtf8Byte(bytes(0x61, 0xe5, 0xb7))).toBe(1); // cut short
    expect(firstInvalidUtf8Byte(bytes(0xf0, 0x9f, 0x98, 0x80))).toBe(-1); // 😀
    expect(firstInvalidUtf8Byte(bytes(0x61, 0xf4, 0x90, 0x80, 0x80))).toBe(1); // above U+10FFFF
  });
});

describe('phrases in the text', () => {
  it('does not find a figure inside a longer number', () => {
    expect(occurrences('共29条,其中9条', '9条')).toBe(1);
    expect(occurrences('4个和4个', '4个')).toBe(2);
  });

  it('counts what the marking plugins mark: non-overlapping, not after a digit or a point when the phrase starts with a digit', () => {
    // What src/build-time/markdown/mark-phrases.ts marks in a paragraph of the text, given more targets naming the phrase than it can stand there.
    const marked = (text: string, phrase: string) => {
      const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: text }] };
      markPhrases(
        { type: 'root', children: [paragraph] },
        Array.from({ length: 8 }, () => ({ phrase })),
        () => ({ type: 'emphasis', children: [] }),
      );
      return paragraph.children.filter((node) => node.type === 'emphasis').length;
    };
    // Every text of up to 6 characters from a small alphabet, against phrases that overlap, repeat and start with digits.
    const alphabet = ['1', '9', '.', '条', '个', '9'];
    const texts = [''];
    for (let length = 1; length <= 6; length++)
      for (const t of texts.filter((x) => x.length === length - 1)) for (const c of new Set(alphabet)) texts.push(t + c);
    const phrases = ['9条', '19条', '.9', '条条', '99', '条', '1.9个', '9'];
    // One assertion over every pair (an expect per pair took most of the test's time).
    let compared = 0;
    const differ: string[] = [];
    for (const text of texts)
      for (const phrase of phrases) {
        const [counted, marks] = [occurrences(text, phrase), marked(text, phrase)];
        if (counted !== marks) differ.push(`${phrase} in ${text}: counted ${counted}, marked ${marks}`);
        compared++;
      }
    expect(differ).toEqual([]);
    expect(compared).toBeGreaterThan(40_000);
  }, 30_000);

  it('needs one occurrence per listed item', () => {
    expect(unmatchedPhrases('4个主要方面', ['4个', '4个', '5个'])).toEqual([
      { index: 1, phrase: '4个', listed: 2, found: 1 },
      { index: 2, phrase: '5个', listed: 1, found: 0 },
    ]);
  });
});

describe('spans of dates', () => {
  const entryWith = (dates: unknown[]) =>
    ({ file: 'x.md', kind: 'measure', data: { dates }, at: () => ({ line: 1, column: 1 }) }) as unknown as Parameters<typeof dateProblems>[0];

  it('accepts a span into the next year and refuses one that ends before it starts', () => {
    const span = (phrase: string, month: number, day: number, until: { month: number; day: number }) => ({
      phrase,
      year: 2020,
      yearInferred: true,
      month,
      day,
      until,
    });
    expect(dateProblems(entryWith([span('12月20日至1月5日', 12, 20, { month: 1, day: 5 })]), '12月20日至1月5日', 2020)).toEqual([]);
    expect(dateProblems(entryWith([span('6月22日至7月9日', 6, 22, { month: 7, day: 9 })]), '6月22日至7月9日', 2020)).toEqual([]);
    expect(dateProblems(entryWith([span('6月22日至6月9日', 6, 22, { month: 6, day: 9 })]), '6月22日至6月9日', 2020).map((p) => p.message)).toEqual([
      '6月9日 is not after the start 6月22日; expected the span to end after it starts',
    ]);
  });
});

describe('EDITING.md', () => {
  const guide = readFileSync(join(ROOT, 'EDITING.md'), 'utf8');

  it('documents every field of the model, by its name', () => {
    const schemas = [measureSchema, sectionSchema, figureSchema, dateSchema, correctionSchema, sourcePositionSchema];
    const fields = [...new Set(schemas.flatMap((schema) => Object.keys(schema.shape)))];
    expect(fields.filter((f) => !guide.includes(`\`${f}\``))).toEqual([]);
  });

  it('names every status, topic, magnitude and qualifier of the vocabulary', () => {
    for (const word of [...STATUS_LABELS, ...TOPIC_LABELS, ...MAGNITUDE_WORDS, ...QUALIFIER_WORDS]) expect(guide, word).toContain(word);
  });
});

describe('line endings', () => {
  it('never change what the checks find: the base fixture with CRLF gives what it gives with LF', async () => {
    const lf = fixtureRoot();
    const crlf = fixtureRoot();
    for (const folder of ['measures', 'sections']) {
      for (const name of readdirSync(join(crlf, 'content', folder))) {
        const path = join(crlf, 'content', folder, name);
        writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
      }
    }
    // One problem each, on a line the same in both.
    for (const root of [lf, crlf]) replaceIn(root, 'content/measures/03.md', /status: 推进中/, 'status: 已完');
    const [a, b] = [await checkContent({ root: lf }), await checkContent({ root: crlf })];
    expect(b.problems.map(formatProblem)).toEqual(a.problems.map(formatProblem));
    expect(b.problems).toHaveLength(1);
    removeFixtures();
  });
});

describe('a link to a heading of an entry that is a link out of its folder', () => {
  it('is refused without reading the file: none of its headings reaches the message', async () => {
    OUTSIDE.make();
    const root = fixtureRoot();
    writeFileSync(OUTSIDE.secret, `---\nnumber: 5\n---\n\n## ${OUTSIDE.secretText}\n`);
    symlinkSync(OUTSIDE.secret, join(root, 'content/measures/05.md'));
    replaceIn(root, 'content/measures/03.md', '](04.md)', '](05.md#标题)');
    const lines = (await checkContent({ root })).problems.map(formatProblem);
    expect(lines).toContain(
      'content/measures/03.md:18:86  link  "05.md#标题" names a heading of 05.md, which is not read; expected a link to a plain entry file in its folder',
    );
    expect(lines.join('\n')).not.toContain(OUTSIDE.secretText);
    removeFixtures();
    OUTSIDE.remove();
  });
});
