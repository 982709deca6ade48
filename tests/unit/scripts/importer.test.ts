import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildMeasureEntries, buildSectionEntries, type EntryFile } from '../../../scripts/importer/build-entries.ts';
import { proposeTopics } from '../../../scripts/importer/propose-topics.ts';
import { MANIFEST, writeEntries, type WriteResult } from '../../../scripts/importer/write-entries.ts';
import { findDocuments } from '../../../src/pure/text/documents.ts';
import { STATUS_LABELS, TOPIC_LABELS, TOPICS } from '../../support/report-vocabulary.ts';
import { reportSettings } from '../../../src/build-time/settings/report-settings.ts';
import { listFiles, measure, measureText, range, realPage, ROOT, SOURCE_LINES, splitFrontmatter } from '../../support/source-text.ts';

const page = realPage();
const settings = reportSettings(join(ROOT, 'content'));
const measures = buildMeasureEntries(page, settings);
const sections = buildSectionEntries(page, settings);
const all = [...sections, ...measures];
const pad = (n: number) => String(n).padStart(2, '0');

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'acftu-import-test-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const outcomes = (results: WriteResult[]) => [...new Set(results.map((r) => r.outcome))];
const byPath = (results: WriteResult[], path: string) => results.find((r) => r.path === path)!;

describe('buildMeasureEntries on the real source', () => {
  it('gives 30 files, measures/01.md to measures/30.md', () => {
    expect(measures.map((e) => e.path)).toEqual(range(1, 30).map((n) => `measures/${pad(n)}.md`));
  });

  it('numbers each entry after its file', () => {
    for (const e of measures) expect(e.path).toBe(`measures/${pad((e.data as { number: number }).number)}.md`);
  });

  it('writes frontmatter that reads back to the entry data', () => {
    for (const e of measures) expect(parse(splitFrontmatter(e.text).frontmatter), e.path).toEqual(e.data);
  });

  it('puts every paragraph of the measure in the body verbatim, in order, one per Markdown paragraph', () => {
    for (const m of page.measures) {
      const entry = measures.find((e) => e.path === `measures/${pad(m.number)}.md`)!;
      const { body } = splitFrontmatter(entry.text);
      let from = 0;
      for (const p of m.paragraphs) {
        const at = body.indexOf(p.text, from);
        expect(at, `(${m.number}) ${p.text.slice(0, 20)}`).toBeGreaterThanOrEqual(from);
        from = at + p.text.length;
      }
      expect(body.trim().split(/\n\n+/)).toEqual(m.paragraphs.map((p) => p.text));
    }
  });

  it('keeps the joined words of the five column breaks whole in the bodies', () => {
    for (const [n, word] of [
      [2, '工会工作的重要论述'],
      [10, '在全总智慧数据库'],
      [16, '中国社会保险学会'],
      [20, '以点带面'],
      [24, '“技能强国'],
    ] as const) {
      expect(splitFrontmatter(measures[n - 1].text).body).toContain(word);
    }
  });

  it('records the printed paragraphs each measure comes from, and they hold its text', () => {
    for (const m of page.measures) {
      const data = measures[m.number - 1].data as { source: { page: number; paragraphs: number[] } };
      expect(data.source.page).toBe(2);
      const printedText = data.source.paragraphs.map((position) => SOURCE_LINES[position - 1]).join('');
      expect(printedText).toBe(`(${m.number})${m.paragraphs.map((p) => p.text).join('')}`);
    }
  });

  it('proposes a status from the vocabulary, with a note found in the body', () => {
    for (const e of measures) {
      const data = e.data as { status: string; statusNote: string };
      expect(STATUS_LABELS).toContain(data.status);
      expect(splitFrontmatter(e.text).body).toContain(data.statusNote);
    }
  });

  it('lists the documents cited in 《》 in order of first mention, without repeats', () => {
    const m2 = measure(page, 2);
    const docs = (measures[1].data as { documents: string[] }).documents;
    const cited = [...measureText(m2).matchAll(/《([^《》]+)》/g)].map((x) => x[1]);
    expect(docs).toEqual([...new Set(cited)]);
    expect(docs).toContain('新编中国工人运动史');
  });
});

describe('buildSectionEntries on the real source', () => {
  it('gives the end of part 一 (三) and the lead of part 二', () => {
    expect(sections.map((s) => s.path)).toEqual(['sections/part-1-3.md', 'sections/part-2.md']);
    expect(sections.map((s) => (s.data as { part: number }).part)).toEqual([1, 2]);
    expect(sections.map((s) => (s.data as { heading: string }).heading)).toEqual(page.sections.map((s) => s.heading.text));
  });

  it('starts the source positions with the heading', () => {
    for (const [i, s] of sections.entries()) {
      const positions = (s.data as { source: { paragraphs: number[] } }).source.paragraphs;
      expect(positions[0]).toBe(page.sections[i].heading.parts[0].position);
      expect(splitFrontmatter(s.text).body.trim()).toBe(page.sections[i].paragraphs.map((p) => p.text).join('\n\n'));
    }
  });
});

describe('proposeTopics', () => {
  it('proposes at most three topics from the vocabulary for every measure, each once', () => {
    for (const e of measures) {
      const topics = (e.data as { topics: string[] }).topics;
      expect(topics.length).toBeLessThanOrEqual(3);
      expect(new Set(topics).size).toBe(topics.length);
      for (const t of topics) expect(TOPIC_LABELS).toContain(t);
    }
  });

  it('puts the topic named in the title first', () => {
    const m9 = measure(page, 9); // 积极推进会员实名制管理工作
    expect(proposeTopics(m9.title, measureText(m9), TOPICS)[0]).toBe('会员实名制');
    const m29 = measure(page, 29); // 指导地方工会用好、管好工人文化宫
    expect(proposeTopics(m29.title, measureText(m29), TOPICS)[0]).toBe('工人文化宫');
    expect(proposeTopics('加强农民工工作', '加强农民工工作。开展帮扶,帮扶困难职工,送温暖。', TOPICS)).toEqual(['农民工', '帮扶救助']);
  });

  it('proposes nothing for a text that names no subject', () => {
    expect(proposeTopics('某项工作', '某项工作。认真研究。', TOPICS)).toEqual([]);
  });
});

describe('findDocuments', () => {
  it('gives the titles in 《》 in order of first mention, without brackets or repeats', () => {
    expect(findDocuments('修订《甲办法》,制定《乙方案》,落实《甲办法》。')).toEqual(['甲办法', '乙方案']);
    expect(findDocuments('没有书名号。')).toEqual([]);
  });
});

describe('writeEntries', () => {
  const read = (dir: string, path: string) => readFileSync(join(dir, path));
  const PAST = new Date('2001-01-01T00:00:00Z');
  const ageAll = (dir: string) => {
    for (const f of listFiles(dir)) utimesSync(join(dir, f), PAST, PAST);
  };
  const mtimes = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));

  /** Changes the status of an entry as an editor would, to another status of the vocabulary. */
  function editStatus(dir: string, path: string): string {
    const before = readFileSync(join(dir, path), 'utf8');
    const current = /^status: (.*)$/m.exec(before)![1];
    const other = STATUS_LABELS.find((s) => s !== current)!;
    const edited = before.replace(/^status: .*$/m, `status: ${other}`);
    expect(edited).not.toBe(before);
    writeFileSync(join(dir, path), edited);
    return edited;
  }

  it('creates every entry on the first run, with the text built', () => {
    const dir = tempDir();
    const results = writeEntries(dir, all);
    expect(results.map((r) => r.path)).toEqual(all.map((f) => f.path));
    expect(outcomes(results)).toEqual(['created']);
    for (const f of all) expect(read(dir, f.path).toString('utf8')).toBe(f.text);
    expect(listFiles(dir)).toEqual([...all.map((f) => f.path), MANIFEST].sort());
  });

  it('finds everything unchanged on the second run and writes nothing', () => {
    const dir = tempDir();
    writeEntries(dir, all);
    ageAll(dir);
    const before = mtimes(dir);
    const contents = listFiles(dir).map((f) => read(dir, f));

    const results = writeEntries(dir, all);
    expect(results).toHaveLength(all.length);
    expect(outcomes(results)).toEqual(['unchanged']);
    expect(results.every((r) => r.differences.length === 0)).toBe(true);
    expect(mtimes(dir)).toEqual(before);
    expect(listFiles(dir).map((f) => read(dir, f))).toEqual(contents);
  });

  it('skips an entry an editor changed, names the changed field and leaves the text byte for byte', () => {
    const dir = tempDir();
    writeEntries(dir, all);
    const path = 'measures/04.md';
    const edited = editStatus(dir, path);
    const editorBytes = read(dir, path);

    const results = writeEntries(dir, all);
    const r = byPath(results, path);
    expect(r.outcome).toBe('skipped');
    expect(r.differences).toEqual(['status']);
    expect(read(dir, path).equals(editorBytes)).toBe(true);
    expect(read(dir, path).toString('utf8')).toBe(edited);
    expect(results.filter((x) => x.path !== path).every((x) => x.outcome === 'unchanged')).toBe(true);

    // And again on the next run: the editor's change is not forgotten.
    expect(byPath(writeEntries(dir, all), path).outcome).toBe('skipped');
    expect(read(dir, path).equals(editorBytes)).toBe(true);
  });

  it('names the body when an editor changed the text', () => {
    const dir = tempDir();
    writeEntries(dir, all);
    const path = 'measures/12.md';
    writeFileSync(join(dir, path), `${readFileSync(join(dir, path), 'utf8')}\n编辑补充的一段。\n`);
    const r = byPath(writeEntries(dir, all), path);
    expect(r.outcome).toBe('skipped');
    expect(r.differences).toEqual(['body']);
  });

  it('overwrites an edited entry with force, and then finds it unchanged', () => {
    const dir = tempDir();
    writeEntries(dir, all);
    const path = 'measures/04.md';
    editStatus(dir, path);

    const r = byPath(writeEntries(dir, all, { force: true }), path);
    expect(r.outcome).toBe('overwritten');
    expect(r.differences).toEqual(['status']);
    expect(read(dir, path).toString('utf8')).toBe(all.find((f) => f.path === path)!.text);
    expect(outcomes(writeEntries(dir, all))).toEqual(['unchanged']);
  });

  it('updates an entry nobody edited when the import changes', () => {
    const dir = tempDir();
    writeEntries(dir, all);
    const path = 'measures/07.md';
    const changed: EntryFile[] = all.map((f) => (f.path === path ? { ...f, text: `${f.text}\n新增一段。\n` } : f));
    const results = writeEntries(dir, changed);
    expect(byPath(results, path).outcome).toBe('updated');
    expect(read(dir, path).toString('utf8')).toBe(changed.find((f) => f.path === path)!.text);
    expect(results.filter((x) => x.path !== path).every((x) => x.outcome === 'unchanged')).toBe(true);
  });

  it('writes nothing at all on a dry run', () => {
    const dir = tempDir();
    const results = writeEntries(dir, all, { dryRun: true });
    expect(outcomes(results)).toEqual(['created']);
    expect(listFiles(dir)).toEqual([]);
  });

  it('reports but does not write on a dry run over edited entries, even with force', () => {
    const dir = tempDir();
    writeEntries(dir, all);
    const path = 'measures/04.md';
    editStatus(dir, path);
    ageAll(dir);
    const before = mtimes(dir);
    const editorBytes = read(dir, path);

    const results = writeEntries(dir, all, { dryRun: true, force: true });
    expect(byPath(results, path).outcome).toBe('overwritten');
    expect(mtimes(dir)).toEqual(before);
    expect(read(dir, path).equals(editorBytes)).toBe(true);
  });
});

describe('scripts/import.ts', () => {
  const SUMMARY = /^(?:\[dry run\] )?(\d+) measures, (\d+) sections: (\d+) created, (\d+) updated, (\d+) unchanged, (\d+) overwritten, (\d+) skipped$/m;

  function runImport(...args: string[]) {
    const run = spawnSync(process.execPath, ['scripts/import.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const summary = SUMMARY.exec(run.stdout);
    expect(summary, run.stdout).not.toBeNull();
    const [, measures, sections, created, updated, unchanged, overwritten, skipped] = summary!.map(Number);
    return { stdout: run.stdout, measures, sections, created, updated, unchanged, overwritten, skipped };
  }

  /** A content folder holding the real report's settings and source, and no entries. */
  function settingsOnly(): string {
    const dir = tempDir();
    for (const file of ['publication.yaml', 'vocabularies.yaml', 'source/report-page2.txt']) cpSync(join(ROOT, 'content', file), join(dir, file));
    return dir;
  }

  it('creates 32 entries into --content, then finds all 32 unchanged', { timeout: 120_000 }, () => {
    const dir = settingsOnly();
    const first = runImport('--content', dir);
    expect(first).toMatchObject({ measures: 30, sections: 2, created: 32, updated: 0, unchanged: 0, overwritten: 0, skipped: 0 });
    expect(listFiles(dir).filter((f) => f.endsWith('.md'))).toHaveLength(32);
    for (const f of all) expect(readFileSync(join(dir, f.path), 'utf8')).toBe(f.text);

    const second = runImport('--content', dir);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 32, overwritten: 0, skipped: 0 });
  });

  it('writes nothing with --dry-run', { timeout: 60_000 }, () => {
    const dir = settingsOnly();
    const before = listFiles(dir);
    const run = runImport('--dry-run', '--content', dir);
    expect(run.stdout).toContain('[dry run]');
    expect(run.created).toBe(32);
    expect(listFiles(dir)).toEqual(before);
  });

  it('says by line what the numbering of the settings does not explain, and writes nothing', () => {
    // The second report's measures are numbered 1., 2. …; settings that say (一) find none.
    const dir = tempDir();
    cpSync(join(ROOT, 'tests/fixtures/second-report/content'), dir, { recursive: true });
    writeFileSync(join(dir, 'publication.yaml'), readFileSync(join(dir, 'publication.yaml'), 'utf8').replace("measures: '1.'", "measures: '(一)'"));
    const before = listFiles(dir);
    const run = spawnSync(process.execPath, ['scripts/import.ts', '--content', dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("The report's settings need fixing:");
    expect(run.stderr).toMatch(/source\/report\.txt:\d+:1 {2}source\.numbering {2}/);
    expect(listFiles(dir)).toEqual(before);
  });

  it('says which settings are missing in a folder without them, and writes nothing', () => {
    const dir = tempDir();
    const run = spawnSync(process.execPath, ['scripts/import.ts', '--content', dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([
      "The report's settings need fixing:",
      `${dir}/publication.yaml  file  is missing; expected the publication's settings (README: “Publish your own report”)`,
      `${dir}/vocabularies.yaml  file  is missing; expected the report's vocabularies (README: “Publish your own report”)`,
      '',
    ]);
    expect(listFiles(dir)).toEqual([]);
  });
});
