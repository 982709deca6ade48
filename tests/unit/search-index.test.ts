/**
 * The Pagefind index the build writes (src/integrations/pagefind.ts), on a few records: every
 * measure gets its Pagefind id, the filters come from the texts, and Pagefind's prebuilt UIs
 * (which the site does not use) are not left in the output.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { indexBuiltSite, pagefindIds, writePagefindIndex } from '../../src/integrations/pagefind.ts';
import { STATUSES, TOPICS } from '../../src/model/vocabulary.ts';
import { TEXTS_PATH, type SearchTexts } from '../../src/search/texts.ts';

const dir = mkdtempSync(join(tmpdir(), 'pagefind-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const texts: SearchTexts = {
  format: 1,
  statuses: STATUSES.map((s) => ({ label: s.label, slug: s.slug })),
  topics: TOPICS.map((t) => t.label),
  docs: [
    { n: 1, url: '/measures/01/', title: '深化百人以上企业建会专项行动', status: 1, topics: [2], text: '深化百人以上企业建会专项行动。指导各地开展建会工作。' },
    { n: 2, url: '/measures/02/', title: '加强工匠学院建设', status: 0, topics: [1, 6], text: '加强工匠学院建设。丰富线上工匠学院内容。\n第二段。' },
  ],
};

describe('the Pagefind index', () => {
  it('gives every measure its id, with status and topics as filters, and no prebuilt UI files', { timeout: 60_000 }, async () => {
    const out = join(dir, 'pagefind');
    await writePagefindIndex(texts, out);
    const ids = pagefindIds(out);
    expect([...ids.keys()].sort()).toEqual(['/measures/01/', '/measures/02/']);
    for (const id of ids.values()) expect(id).toMatch(/^zh_[0-9a-f]+$/);
    const fragment = JSON.parse(gunzipSync(readFileSync(join(out, 'fragment', `${ids.get('/measures/02/')}.pf_fragment`))).toString('utf8').slice('pagefind_dcd'.length));
    expect(fragment.filters).toEqual({ status: ['已完成'], topic: ['产业工人', '网上工作'] });
    expect(fragment.meta.title).toBe('（2）加强工匠学院建设');
    expect(existsSync(join(out, 'pagefind.js'))).toBe(true);
    expect(existsSync(join(out, 'pagefind-worker.js'))).toBe(true);
    for (const f of ['pagefind-ui.js', 'pagefind-component-ui.js', 'pagefind-modular-ui.js', 'pagefind-highlight.js']) expect(existsSync(join(out, f)), f).toBe(false);
  });

  it('is built from a finished site\'s texts.json when no texts were handed over during the build, and texts.json gets the ids', { timeout: 60_000 }, async () => {
    const site = join(dir, 'site');
    mkdirSync(join(site, TEXTS_PATH, '..'), { recursive: true });
    writeFileSync(join(site, TEXTS_PATH), JSON.stringify(texts));
    await indexBuiltSite(pathToFileURL(`${site}/`));
    const completed = JSON.parse(readFileSync(join(site, TEXTS_PATH), 'utf8')) as SearchTexts;
    // The same texts give the same ids (Pagefind's id is a hash of the page).
    const again = join(dir, 'again');
    await writePagefindIndex(texts, again);
    const ids = pagefindIds(again);
    expect(completed.pagefind).toEqual(texts.docs.map((d) => ids.get(d.url)));
    expect(completed.docs).toEqual(texts.docs);
    // The site shows its own excerpts: Pagefind's copies of the texts are not published.
    expect(existsSync(join(site, 'pagefind/fragment'))).toBe(false);
    expect(existsSync(join(site, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('reads the ids from fragments grouped into a few files, as Pagefind writes them for more than a handful of measures', { timeout: 60_000 }, async () => {
    const out = join(dir, 'grouped');
    const docs = Array.from({ length: 40 }, (_, i) => ({ ...texts.docs[i % 2], n: i + 1, url: `/measures/${i + 1}/`, text: `第${i + 1}项措施。${texts.docs[i % 2].text}` }));
    await writePagefindIndex({ ...texts, docs }, out);
    const files = readdirSync(join(out, 'fragment'));
    expect(files.length).toBeLessThan(docs.length);
    expect(files.every((f) => f.startsWith('zh_group_'))).toBe(true);
    const ids = pagefindIds(out);
    expect([...ids.keys()].sort()).toEqual(docs.map((d) => d.url).sort());
    expect(new Set(ids.values()).size).toBe(docs.length);
    for (const id of ids.values()) expect(id).toMatch(/^zh_[0-9a-f]+$/);
  });

  it('is empty, not an error, for a report with no measures yet (Pagefind writes no fragments then)', { timeout: 60_000 }, async () => {
    const out = join(dir, 'no-measures');
    await writePagefindIndex({ ...texts, docs: [] }, out);
    expect(pagefindIds(out)).toEqual(new Map());
  });

  it('stops with the file it needs when a finished site has no texts.json', async () => {
    await expect(indexBuiltSite(pathToFileURL(`${join(dir, 'empty')}/`))).rejects.toThrow(/cannot read .*measures\/texts\.json/);
  });
});
