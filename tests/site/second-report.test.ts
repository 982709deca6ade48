/**
 * A second report, differently shaped from the real one, published from its own folder with no
 * change to the code, by the steps of README's "Publish your own report": the fixture
 * (tests/fixtures/second-report/content/: a district bureau's whole document, measures numbered
 * 1. under headings 一、 with points (1) inside them, two statuses of its own, the year 2022, no
 * diagrams, a site address with a sub-path and an address for reporting errors) holds only the
 * settings and the source. The test imports the entries, edits one as an editor would, checks
 * them, builds the site with CONTENT_DIR, and reads what a reader gets.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuildCommand } from '../../scripts/astro-build.ts';
import { reportSettings } from '../../src/build-time/settings/report-settings.ts';
import { buildEnv, ROOT, TEST_RUN_DIR } from '../support/paths.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/second-report/content');
const dir = join(TEST_RUN_DIR, 'second-report');
const content = join(dir, 'content');
const site = join(dir, 'site');
const BASE = '/mingchuan/';

/** A project script run as `npm run …` runs it, from the project. */
const script = (name: string, args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', name), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: buildEnv({}) });

const steps: Record<string, ReturnType<typeof script>> = {};

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  // 1. A content folder with the publication's settings, its vocabularies and its source.
  cpSync(FIXTURE, content, { recursive: true });
  // 2. npm run import -- --content DIR: the entries, from the source, by its numbering.
  steps.import = script('import.ts', ['--content', content]);
  // 3. The editors judge each entry: measure 1 says its work is done.
  const first = join(content, 'measures/01.md');
  writeFileSync(
    first,
    readFileSync(first, 'utf8')
      .replace(/^status: .*$/m, 'status: 已完成整改')
      .replace(/^statusNote: .*$/m, 'statusNote: 已全部整改到位'),
  );
  // 4. npm run check -- --content DIR.
  steps.check = script('check.ts', ['--content', content]);
  // 5. CONTENT_DIR=DIR npm run build (here into a folder of the test's own).
  const built = spawnSync(...astroBuildCommand(ROOT, ['--outDir', site]), {
    cwd: ROOT,
    encoding: 'utf8',
    env: buildEnv({ CONTENT_DIR: content, ASTRO_CACHE_DIR: join(dir, 'astro-cache') }),
  });
  if (built.status !== 0) throw new Error(`the build failed:\n${built.stderr}`);
  steps.build = built;
  // 6. CONTENT_DIR=DIR npm run diagrams:keep: the drawings the build made, kept with the report.
  steps.keep = spawnSync(process.execPath, [join(ROOT, 'scripts/keep-diagrams.ts'), '--dist', site], {
    cwd: ROOT,
    encoding: 'utf8',
    env: buildEnv({ CONTENT_DIR: content }),
  });
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (path: string) => fromHtml(readFileSync(join(site, path, 'index.html'), 'utf8'));
const text = (path: string, selector = 'main') => toText(select(selector, page(path))!).replace(/\s+/g, ' ');

function filesUnder(d: string): string[] {
  return readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? filesUnder(join(d, n)) : [join(d, n)]));
}

describe('a second report, from its own folder', () => {
  it('is imported by its numbering: 6 measures under 3 headings, the points (1) inside their measure', () => {
    expect(steps.import.status, steps.import.stderr).toBe(0);
    expect(steps.import.stdout).toContain('6 measures, 3 sections: 9 created');
    expect(readdirSync(join(content, 'measures')).sort()).toEqual(['01.md', '02.md', '03.md', '04.md', '05.md', '06.md']);
    expect(readdirSync(join(content, 'sections')).sort()).toEqual(['part-1.md', 'part-2.md', 'part-3.md']);
    expect(readFileSync(join(content, 'measures/01.md'), 'utf8')).toContain('(2)约谈学校食堂负责人15人次');
  });

  it('keeps the drawings its first build made (the topics diagram) by the command the build names', () => {
    const said = `${steps.build.stdout}${steps.build.stderr}`;
    expect(said).toContain(
      `2 drawings on the site are not kept with the report in ${relative(ROOT, join(content, 'diagrams'))}/: run \`npm run diagrams:keep\``,
    );
    expect(steps.keep.status, steps.keep.stderr).toBe(0);
    expect(steps.keep.stdout).toContain(`2 drawings shown by ${site}: 2 added, 0 already kept, 0 removed`);
    const kept = readdirSync(join(content, 'diagrams'));
    expect(kept).toHaveLength(2);
    // What they draw: the measures by the report's own topics.
    for (const file of kept) {
      const { svg } = JSON.parse(readFileSync(join(content, 'diagrams', file), 'utf8')) as { svg: string };
      for (const topic of ['食品安全', '营商环境', '队伍建设']) expect(svg, file).toContain(topic);
    }
  });

  it('passes the checks, with its own statuses and topics', () => {
    expect(steps.check.status, steps.check.stdout).toBe(0);
    expect(steps.check.stdout).toContain('9 entries checked: no problems');
  });

  it('shows its own title, reporter, year and statuses on the home page, and no missing pages', () => {
    expect(text('', 'h1')).toBe('明川区市场监督管理局巡察整改情况');
    const home = text('');
    expect(home).toContain('明川区市场监督管理局2022年关于区委第二巡察组反馈意见的整改进展情况的报告。这里是报告全文，含6项整改措施。');
    expect(selectAll('ol.task-list li', page(''))).toHaveLength(6);
    expect(selectAll('.facts--status a', page('')).map((a) => toText(a).replace(/\s+/g, ''))).toEqual(['1项已完成整改', '5项正在整改']);
    expect(home).not.toContain('未能获得');
    // No diagrams in this report: no drawing, and no heading left without one.
    expect(selectAll('figure.diagram', page(''))).toEqual([]);
    expect(select('#structure', page(''))).toBeUndefined();
  });

  it('tags each status in the colour its vocabulary gives', () => {
    expect(selectAll('.tag', page('measures/01/')).map((t) => [(t as Element).properties.className, toText(t)])).toContainEqual([
      ['tag', 'tag--green'],
      '已完成整改',
    ]);
    expect(selectAll('.tag', page('measures/02/')).map((t) => [(t as Element).properties.className, toText(t)])).toContainEqual([
      ['tag', 'tag--grey'],
      '正在整改',
    ]);
  });

  it('shows a measure with its points, and its source paragraphs', () => {
    const measure = text('measures/01/');
    expect(measure).toContain('开展校园及周边食品安全专项整治');
    // The source's ASCII brackets as Chinese punctuation, as on every reading page.
    expect(measure).toContain('（1）对检查中发现的3家无证经营户依法予以取缔。');
    expect(measure).toContain('见原文第3、4、5段。');
    expect(measure).toContain('出处 原文第3、4、5段');
  });

  it('says the source is whole, without a word about pages not held', () => {
    const source = text('source/');
    expect(source).toContain('本页照录报告全文的全部文字，共14段。');
    expect(source).not.toMatch(/未能获得|分栏/);
    expect(selectAll('.source-text p.heading', page('source/')).map((p) => toText(p).replace(/^\d+/, ''))).toEqual([
      '一、关于食品安全监管存在薄弱环节的问题',
      '二、关于营商环境服务不够优化的问题',
      '三、关于干部队伍建设存在短板的问题',
    ]);
    // No corrections: the list's heading says so rather than introducing an empty list.
    expect(source).toContain('编者订正 编者没有订正原文的文字。');
    expect(selectAll('#corrections ~ ol', page('source/'))).toEqual([]);
  });

  it('dates in its own year, with its own as-of date', () => {
    expect(text('timeline/', 'h1')).toBe('2022年的工作，按月');
    expect(text('timeline/')).toContain('报告写于2022年（文中有“截至2022年11月30日”等）');
  });

  it('indexes its own topics, organisations and unit groups', () => {
    expect(selectAll('main h2', page('topics/')).map((h) => toText(h).replace(/（.*/, ''))).toEqual(['食品安全', '营商环境', '队伍建设']);
    expect(text('organisations/')).toContain('区直部门 区政务服务中心');
    expect(text('figures/')).toMatch(/户数和人次（4项）.*其他数据（6项）/);
  });

  it('lives at the address its settings give: canonical links, og:url, sitemap and open data under it, every link inside its base path', () => {
    expect(String((select('link[rel=canonical]', page('measures/03/')) as Element).properties.href)).toBe(`https://example.org${BASE}measures/03/`);
    for (const a of selectAll('a[href^="/"]', page(''))) expect(String((a as Element).properties.href).startsWith(BASE)).toBe(true);
    expect(readFileSync(join(site, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>https://example.org${BASE}measures/06/</loc>`);
    expect(String((select('meta[property="og:url"]', page('measures/03/')) as Element).properties.content)).toBe(`https://example.org${BASE}measures/03/`);
    // The open data gives the same absolute addresses.
    const json = JSON.parse(readFileSync(join(site, 'data/measures.json'), 'utf8')) as { measures: { url: string }[] };
    expect(json.measures.map((m) => m.url)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `https://example.org${BASE}measures/0${n}/`));
    expect(readFileSync(join(site, 'data/figures.csv'), 'utf8')).toContain(`,https://example.org${BASE}measures/01/`);
  });

  it('names itself on a phone’s home screen by its title, having no short name in its settings', () => {
    const manifest = JSON.parse(readFileSync(join(site, 'manifest.webmanifest'), 'utf8')) as { name: string; short_name: string };
    expect(manifest).toMatchObject({ name: '明川区市场监督管理局巡察整改情况', short_name: '明川区市场监督管理局巡察整改情况' });
  });

  it('offers its readers a way to report an error, at the address its settings give', () => {
    expect(String((select('footer a[href^="mailto:"]', page('measures/04/')) as Element).properties.href)).toBe('mailto:jiucuo@example.org');
  });

  it('names nothing of the real report, and no file names localhost', () => {
    const real = reportSettings(join(ROOT, 'content'));
    const own = reportSettings(content).vocabularies.statuses.map((s) => s.label);
    // The real report's statuses, except one inside this report's own (已完成 in 已完成整改).
    const statuses = real.vocabularies.statuses.map((s) => s.label).filter((label) => !own.some((o) => o.includes(label)));
    const names = [
      real.publication.title,
      real.publication.reporter,
      real.publication.subject,
      ...statuses,
      ...real.vocabularies.topics.map((t) => t.label),
      ...real.vocabularies.organisations.map((o) => o.name),
    ];
    expect(statuses.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const file of filesUnder(site)) {
      if (!/\.(html|json|csv|xml|js|webmanifest|txt)$/.test(file)) continue;
      const body = readFileSync(file, 'utf8');
      for (const name of [...names, 'localhost']) if (body.includes(name)) found.push(`${relative(site, file)}: ${name}`);
    }
    expect(found).toEqual([]);
  });
});
