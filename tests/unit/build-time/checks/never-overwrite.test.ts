/**
 * Nothing an editor wrote is lost: `npm run new` creates the next entry and refuses to replace
 * a file, and the importer (scripts/import.ts, tested here as an editor runs it) leaves an
 * edited entry byte for byte and names what differs, unless told --force.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent, formatProblem } from '../../../../src/build-time/checks/index.ts';
import { BODY_PLACEHOLDER } from '../../../../src/build-time/checks/markdown.ts';
import { entrySchemas } from '../../../../src/pure/model/schema.ts';
import { reportSettings } from '../../../../src/build-time/settings/report-settings.ts';
import { ROOT } from '../../../support/paths.ts';
import { fixtureRoot, removeFixtures, runScript, snapshot } from './support.ts';

/** The real report's measure schema, made from its vocabularies. */
const measureSchema = entrySchemas(reportSettings(join(ROOT, 'content')).vocabularies).measure;

afterAll(removeFixtures);

describe('npm run new', () => {
  it('creates the next entry with valid frontmatter and a placeholder, and prints its path', async () => {
    const root = fixtureRoot();
    const run = await runScript('scripts/new.ts', ['推进某项新的整改工作。'], root);
    expect(run).toEqual({ status: 0, stdout: 'content/measures/05.md\n', stderr: '' });

    const text = readFileSync(join(root, 'content/measures/05.md'), 'utf8');
    const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
    const data = measureSchema.parse(parse(yaml));
    expect(data).toMatchObject({ number: 5, title: '推进某项新的整改工作', status: '计划中', related: [], figures: [] });
    expect(body).toBe(`\n推进某项新的整改工作。\n\n${BODY_PLACEHOLDER}\n`);

    // The checks accept it, and remind the editor that the text is still to come.
    const result = await checkContent({ root });
    expect(result.problems.map(formatProblem)).toEqual([
      `content/measures/05.md:19:1  body  warning: still holds the placeholder "${BODY_PLACEHOLDER}"; expected the text of the entry in its place`,
    ]);
    expect(result.errors).toBe(0);
  });

  it('refuses to replace an existing file, and writes nothing', async () => {
    const root = fixtureRoot();
    const before = snapshot(join(root, 'content'));
    const run = await runScript('scripts/new.ts', ['另一项', '--number', '3'], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('content/measures/03.md exists already; nothing was written. Edit it, or move it aside first.\n');
    expect(snapshot(join(root, 'content'))).toEqual(before);
  });

  it('asks for a title, and writes nothing without one', async () => {
    const root = fixtureRoot();
    const before = snapshot(join(root, 'content'));
    const run = await runScript('scripts/new.ts', [], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('No title given.');
    expect(snapshot(join(root, 'content'))).toEqual(before);
  });
});

describe('npm run import, as an editor runs it', () => {
  const importer = (root: string, ...args: string[]) =>
    runScript('scripts/import.ts', ['--source', join(ROOT, 'content/source/report-page2.txt'), '--content', 'content', ...args], root);

  it('skips an entry an editor changed, names the field, and leaves it byte for byte; --force replaces it', { timeout: 60_000 }, async () => {
    const root = fixtureRoot();
    // The report's settings stay: the entries are what the import makes.
    for (const folder of ['measures', 'sections']) rmSync(join(root, 'content', folder), { recursive: true });
    const first = await importer(root);
    expect(first.stdout).toContain('32 created');
    const path = join(root, 'content/measures/04.md');
    const edited = `${readFileSync(path, 'utf8').replace(/^status: .*$/m, 'status: 已完成')}\n编辑补充的一段。\n`;
    writeFileSync(path, edited);
    const before = snapshot(join(root, 'content'));

    const run = await importer(root);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toContain('skipped     content/measures/04.md  (differs in: status, body)');
    expect(run.stdout).toContain('1 skipped');
    expect(run.stdout).toContain('Skipped entries were changed by an editor; run with --force to replace them with the import.');
    expect(snapshot(join(root, 'content'))).toEqual(before);

    const forced = await importer(root, '--force');
    expect(forced.stdout.split('\n')).toContain('overwritten content/measures/04.md  (differs in: status, body)');
    expect(readFileSync(path, 'utf8')).not.toBe(edited);
  });

  it('on the real entries, with --dry-run, lists the ones the editors changed and writes nothing', { timeout: 60_000 }, async () => {
    const root = fixtureRoot();
    cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
    const before = snapshot(join(root, 'content'));
    const run = await importer(root, '--dry-run');
    expect(run.status).toBe(0);
    const skipped = run.stdout.split('\n').filter((l) => l.startsWith('skipped'));
    // The editorial pass changed entries (statuses, topics, related, corrections, links): each is named with its fields.
    expect(skipped.length).toBeGreaterThan(0);
    for (const line of skipped) expect(line).toMatch(/^skipped {5}content\/(measures|sections)\/[\w-]+\.md {2}\(differs in: [\w, ]+\)$/);
    expect(run.stdout).toMatch(/^\[dry run\] 30 measures, 2 sections: /m);
    expect(snapshot(join(root, 'content'))).toEqual(before);
  });
});
