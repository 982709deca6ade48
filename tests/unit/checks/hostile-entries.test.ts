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
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem, formatSummary, type CheckResult } from '../../../src/checks/index.ts';
import { MDX_ELEMENTS_SHOWN } from '../../../src/rules/mdx-allowlist.ts';
import { HOSTILE_CASES, OUTSIDE, writeCase, type HostileCase } from './hostile-cases.ts';
import { fixtureRoot, pool, removeFixtures, runScript, snapshot, type Run } from './support.ts';

const results = new Map<string, { file: string; api: CheckResult; cli: Run; before: ReturnType<typeof snapshot>; after: ReturnType<typeof snapshot> }>();

beforeAll(async () => {
  OUTSIDE.make();
  const prepared = HOSTILE_CASES.map((c) => {
    const root = fixtureRoot();
    const file = writeCase(root, c, 5);
    return { c, root, file, before: snapshot(join(root, 'content')) };
  });
  const cli = pool(prepared.map(({ root }) => () => runScript('scripts/check.ts', ['--content', 'content'], root, { HOME: OUTSIDE.home })), 2);
  const api: CheckResult[] = [];
  for (const { root } of prepared) api.push(await checkContent({ root, contentDir: 'content' }));
  const runs = await cli;
  prepared.forEach(({ c, root, file, before }, i) => results.set(c.name, { file, api: api[i], cli: runs[i], before, after: snapshot(join(root, 'content')) }));
}, 180_000);

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

describe('the allowlist as EDITING.md gives it', () => {
  it('names every element an MDX entry may use', () => {
    expect(MDX_ELEMENTS_SHOWN).toBe('<abbr title="…">, <sub>, <sup>, <br>, <ruby>, <rp>, <rt>');
  });
});
