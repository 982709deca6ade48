/**
 * How a build's search index is begun from the entries as read and then kept or replaced by the
 * texts as rendered (SearchIndexRun, src/integrations/pagefind.ts), with a stand-in for Pagefind
 * that writes one file naming the texts it indexed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SearchIndexRun } from '../../src/integrations/pagefind.ts';
import { composeSearchTexts } from '../../src/search/compose-texts.ts';
import type { SearchTexts } from '../../src/search/texts.ts';

const root = mkdtempSync(join(tmpdir(), 'search-index-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const measure = (number: number, text: string) => ({ data: { number, title: `措施${number}`, status: '已完成' as const, topics: [] }, text });
const urlOf = (n: number) => `/measures/${n}/`;
const read = composeSearchTexts([measure(2, '第二项。'), measure(1, '第一项。')], urlOf);

let out: string;
let draft: string;
/** Every call of the stand-in: which texts, into which folder, in order of start and end. */
let calls: { into: string; first: string; event: 'start' | 'end' }[];

function standIn(delayMs = 20) {
  return async (texts: SearchTexts, outputPath: string) => {
    calls.push({ into: outputPath, first: texts.docs[0].text, event: 'start' });
    await new Promise((r) => setTimeout(r, delayMs));
    mkdirSync(outputPath, { recursive: true });
    writeFileSync(join(outputPath, 'indexed.json'), JSON.stringify(texts.docs.map((d) => d.text)));
    calls.push({ into: outputPath, first: texts.docs[0].text, event: 'end' });
    return new Map(texts.docs.map((d) => [d.url, `id-${d.n}`]));
  };
}

/** A Pagefind that fails at once. */
function failingIndex(message: string) {
  return async (): Promise<Map<string, string>> => {
    throw new Error(message);
  };
}

beforeEach(() => {
  const dir = mkdtempSync(join(root, 'run-'));
  out = join(dir, 'dist/pagefind');
  draft = join(dir, 'cache/pagefind-draft');
  mkdirSync(join(dir, 'dist'));
  calls = [];
});

describe('the search index of a build', () => {
  it('is composed from the measures in number order, whatever order they are read in', () => {
    expect(read.docs.map((d) => d.n)).toEqual([1, 2]);
    expect(read.docs[0]).toEqual({ n: 1, url: '/measures/1/', title: '措施1', status: 0, topics: [], text: '第一项。' });
  });

  it('keeps the index begun from the texts as read when the rendered texts are the same, and moves it into the site', async () => {
    const run = new SearchIndexRun(standIn(), out, draft);
    run.begin(read);
    run.decide(structuredClone(read));
    const finished = await run.finish();
    expect(finished?.from).toBe('read');
    expect(calls.filter((c) => c.event === 'start')).toEqual([{ into: draft, first: '第一项。', event: 'start' }]);
    expect(JSON.parse(readFileSync(join(out, 'indexed.json'), 'utf8'))).toEqual(['第一项。', '第二项。']);
    expect(existsSync(draft)).toBe(false);
    expect(finished?.ids.get('/measures/2/')).toBe('id-2');
  });

  it('indexes the rendered texts when they differ, after the draft has finished, and drops the draft', async () => {
    const run = new SearchIndexRun(standIn(), out, draft);
    run.begin(read);
    const rendered = composeSearchTexts([measure(1, '第一项（渲染后不同）。'), measure(2, '第二项。')], urlOf);
    run.decide(rendered);
    const finished = await run.finish();
    expect(finished?.from).toBe('rendered');
    // One Pagefind at a time: the rendered texts start only once the draft has ended.
    expect(calls.map((c) => `${c.event} ${c.into === draft ? 'draft' : 'site'}`)).toEqual(['start draft', 'end draft', 'start site', 'end site']);
    expect(JSON.parse(readFileSync(join(out, 'indexed.json'), 'utf8'))).toEqual(['第一项（渲染后不同）。', '第二项。']);
    expect(existsSync(draft)).toBe(false);
  });

  it('indexes the rendered texts when nothing was read first, and ignores texts read after them', async () => {
    const run = new SearchIndexRun(standIn(), out, draft);
    run.decide(read);
    run.begin(read);
    expect((await run.finish())?.from).toBe('rendered');
    expect(calls.filter((c) => c.event === 'start').map((c) => c.into)).toEqual([out]);
  });

  it('begins in an empty draft folder, whatever a build stopped half way left there', async () => {
    mkdirSync(draft, { recursive: true });
    writeFileSync(join(draft, 'stale.pf_fragment'), 'left by an earlier build');
    const seen: string[][] = [];
    const listing = async (texts: SearchTexts, outputPath: string) => {
      seen.push(existsSync(outputPath) ? readdirSync(outputPath) : []);
      return standIn()(texts, outputPath);
    };
    const run = new SearchIndexRun(listing, out, draft);
    run.begin(read);
    run.decide(read);
    await run.finish();
    expect(seen).toEqual([[]]);
    expect(readdirSync(out)).toEqual(['indexed.json']);
  });

  it('says so when no rendered texts came, and leaves no draft behind', async () => {
    const run = new SearchIndexRun(standIn(), out, draft);
    run.begin(read);
    expect(await run.finish()).toBeUndefined();
    expect(existsSync(draft)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('reports a failure of the index that is kept', async () => {
    const run = new SearchIndexRun(failingIndex('Pagefind could not start an index'), out, draft);
    run.begin(read);
    // What Pagefind had written of the draft when it failed.
    mkdirSync(draft, { recursive: true });
    writeFileSync(join(draft, 'half-written.pf_fragment'), '');
    run.decide(read);
    await expect(run.finish()).rejects.toThrow('Pagefind could not start an index');
    expect(existsSync(draft)).toBe(false);
  });

  it('keeps a failure for the end of the build, when finish() asks, without an unhandled rejection meanwhile', async () => {
    const run = new SearchIndexRun(failingIndex('Pagefind could not write its files'), out, draft);
    run.begin(read);
    run.decide(read);
    // The pages are written meanwhile: an unhandled rejection would end the build's process here.
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
    await expect(run.finish()).rejects.toThrow('Pagefind could not write its files');
  });
});
