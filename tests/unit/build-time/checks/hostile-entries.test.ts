/**
 * Entries a hostile or careless editor writes, one class each, on a copy of the base fixture
 * (tests/fixtures/bad-entries/base/): code in MDX, executable markup in any spelling, addresses
 * that run code, diagrams that link or carry CSS, files from outside the project (links,
 * images), YAML alias bombs, a file too large to read, a pipe. Each is refused by the check API
 * and by `npm run check` with exactly the expected lines and exit code, before any of it runs:
 * no file is created outside the project (a payload would `touch` one), no text from outside
 * the project (a secret file, HOME) is printed, and nothing in the fixture is written.
 * tests/site/hostile-build.test.ts runs the same classes through `npm run build`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem, formatSummary, type CheckResult } from '../../../../src/build-time/checks/index.ts';
import remarkEscapeHtml from '../../../../src/build-time/markdown/remark-escape-html.ts';
import { MDX_ELEMENTS, MDX_ELEMENTS_SHOWN } from '../../../../src/pure/rules/mdx-allowlist.ts';
import { entrySanitizeSchema } from '../../../../src/pure/rules/sanitize-schema.ts';
import { ROOT } from '../../../support/paths.ts';
import { entryText, HOSTILE_CASES, OUTSIDE, writeCase, type HostileCase } from './hostile-cases.ts';
import { fixtureRoot, pool, removeFixtures, runScript, snapshot, type Run } from './support.ts';

const results = new Map<string, { file: string; api: CheckResult; cli: Run; before: ReturnType<typeof snapshot>; after: ReturnType<typeof snapshot> }>();

beforeAll(async () => {
  OUTSIDE.make();
  const prepared = HOSTILE_CASES.map((c) => {
    const root = fixtureRoot();
    const file = writeCase(root, c, 5);
    return { c, root, file, before: snapshot(join(root, 'content')) };
  });
  const cli = pool(
    prepared.map(
      ({ root }) =>
        () =>
          runScript('scripts/check.ts', ['--content', 'content'], root, { HOME: OUTSIDE.home }),
    ),
    2,
  );
  const api: CheckResult[] = [];
  for (const { root } of prepared) api.push(await checkContent({ root, contentDir: 'content' }));
  const runs = await cli;
  prepared.forEach(({ c, root, file, before }, i) => results.set(c.name, { file, api: api[i], cli: runs[i], before, after: snapshot(join(root, 'content')) }));
}, 600_000);

afterAll(() => {
  removeFixtures();
  OUTSIDE.remove();
});

describe.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', (name, c: HostileCase) => {
  it('is refused by the API with its file, line, field and message', () => {
    const { file, api } = results.get(name)!;
    expect(api.problems.map(formatProblem)).toEqual(c.lines(file, 5));
  });

  it('is refused by npm run check with the same lines and exit code 1', () => {
    const { file, cli } = results.get(name)!;
    const lines = c.lines(file, 5);
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toBe(`${[...lines, formatSummary({ errors: lines.length, warnings: 0, entries: 6 })].join('\n')}\n`);
    expect(cli.status).toBe(1);
  });

  it('runs nothing, prints nothing from outside the project and writes nothing', () => {
    const { cli, before, after } = results.get(name)!;
    expect(existsSync(OUTSIDE.pwned)).toBe(false);
    for (const secret of [OUTSIDE.secretText, OUTSIDE.home]) expect(cli.stdout + cli.stderr).not.toContain(secret);
    expect(after).toEqual(before);
  });
});

describe('the allowlist as EDITING.md gives it (section 七)', () => {
  const guide = readFileSync(join(ROOT, 'EDITING.md'), 'utf8');
  const rows = guide
    .slice(guide.indexOf('## 七、'), guide.indexOf('## 八、'))
    .split('\n')
    .filter((row) => /^\| `<[a-z]/.test(row));

  it('lists exactly the elements an MDX entry may use, with an example each that passes the checks and reaches the page as that element', async () => {
    const elements = rows.flatMap((row) => [...row.split(' | ')[0].matchAll(/`<([a-z]+)/g)].map((m) => m[1]));
    expect(elements.sort()).toEqual(Object.keys(MDX_ELEMENTS).sort());
    const examples = rows.map((row) => /`([^`]+)` \|$/.exec(row)![1]);
    expect(examples).toHaveLength(rows.length);
    const root = fixtureRoot();
    const body = examples.join('\n\n');
    writeFileSync(join(root, 'content/measures/05.mdx'), `${entryText(5)}${body}\n`);
    expect((await checkContent({ root })).problems.map(formatProblem)).toEqual([]);
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkMdx)
        .use(remarkEscapeHtml)
        .use(remarkRehype, {
          passThrough: ['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement'],
        } as RemarkRehypeOptions)
        .use(rehypeSanitize, entrySanitizeSchema)
        .use(rehypeStringify)
        .process(body),
    );
    for (const name of elements) expect(html, name).toMatch(new RegExp(`<${name}[ >]`));
    expect(html).toContain('<abbr title="中华全国总工会">全总</abbr>');
  });

  it('says MDX_ELEMENTS_SHOWN the way the messages print it', () => {
    expect(MDX_ELEMENTS_SHOWN).toBe('<abbr title="…">, <sub>, <sup>, <br>, <ruby>, <rp>, <rt>');
  });
});

describe('the size limit (EDITING.md section 七)', () => {
  it('is 2 MB, changed for every command by ENTRY_MAX_BYTES and for one check by --max-entry-bytes', async () => {
    const root = fixtureRoot();
    const big = HOSTILE_CASES.find((c) => c.name.startsWith('an entry of 3 MB'))!;
    writeCase(root, big, 5);
    const refused = `content/measures/05.md  file  05.md is 3.0 MB, larger than an entry may be; expected an entry of at most 2.0 MB (it was not read)`;
    expect((await runScript('scripts/check.ts', [], root)).stdout.split('\n')).toContain(refused);
    const raised = await runScript('scripts/check.ts', [], root, { ENTRY_MAX_BYTES: String(4 * 1024 * 1024) });
    expect(raised.stdout).not.toContain('larger than an entry may be');
    const lowered = await runScript('scripts/check.ts', ['--max-entry-bytes', '1000'], root);
    expect(lowered.stdout.split('\n')).toContain(
      'content/measures/04.md  file  04.md is 1023 bytes, larger than an entry may be; expected an entry of at most 1000 bytes (it was not read)',
    );
    expect(lowered.status).toBe(1);
    expect((await runScript('scripts/check.ts', ['--max-entry-bytes', 'x'], root)).status).toBe(2);
  });
});
