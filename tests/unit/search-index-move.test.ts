/**
 * The index begun early is written next to Astro's content cache and moved into the site when
 * the build keeps it (SearchIndexRun, src/integrations/pagefind.ts). When the cache and the site
 * are on different file systems, a rename fails with EXDEV: the index is copied instead, and
 * the draft removed. The rename is made to fail here as it does across file systems.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SearchIndexRun } from '../../src/integrations/pagefind.ts';
import { composeSearchTexts } from '../../src/search/compose-texts.ts';
import type { SearchTexts } from '../../src/search/texts.ts';

/** Folders that renameSync treats as on another file system. */
const otherFileSystem: string[] = [];

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    renameSync(from: fs.PathLike, to: fs.PathLike) {
      if (otherFileSystem.some((dir) => String(to).startsWith(dir))) {
        throw Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${from}' -> '${to}'`), { code: 'EXDEV' });
      }
      return real.renameSync(from, to);
    },
  };
});

const root = fs.mkdtempSync(join(tmpdir(), 'search-index-move-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A stand-in for Pagefind that writes two files, one in a subfolder, as Pagefind's bundle has. */
async function standIn(texts: SearchTexts, outputPath: string) {
  fs.mkdirSync(join(outputPath, 'index'), { recursive: true });
  fs.writeFileSync(join(outputPath, 'pagefind.js'), '// the bundle');
  fs.writeFileSync(join(outputPath, 'index/indexed.json'), JSON.stringify(texts.docs.map((d) => d.text)));
  return new Map(texts.docs.map((d) => [d.url, `id-${d.n}`]));
}

describe('the index begun early, when the site is on another file system', () => {
  it('is copied into the site, and the draft goes', async () => {
    const site = join(root, 'dist/pagefind');
    const draft = join(root, 'cache/pagefind-draft');
    fs.mkdirSync(join(root, 'dist'), { recursive: true });
    otherFileSystem.push(join(root, 'dist'));
    const texts = composeSearchTexts([{ data: { number: 1, title: '措施1', status: '已完成', topics: [] }, text: '第一项。' }], (n) => `/measures/${n}/`);

    const run = new SearchIndexRun(standIn, site, draft);
    run.begin(texts);
    run.decide(structuredClone(texts));
    const finished = await run.finish();

    expect(finished?.from).toBe('read');
    expect(fs.readFileSync(join(site, 'pagefind.js'), 'utf8')).toBe('// the bundle');
    expect(JSON.parse(fs.readFileSync(join(site, 'index/indexed.json'), 'utf8'))).toEqual(['第一项。']);
    expect(fs.existsSync(draft)).toBe(false);
  });

  it('fails the build with the error of any other failure to move it', async () => {
    const site = join(root, 'missing-parent/dist/pagefind');
    const draft = join(root, 'cache/pagefind-draft-2');
    const texts = composeSearchTexts([{ data: { number: 1, title: '措施1', status: '已完成', topics: [] }, text: '第一项。' }], (n) => `/measures/${n}/`);
    const run = new SearchIndexRun(standIn, site, draft);
    run.begin(texts);
    run.decide(structuredClone(texts));
    await expect(run.finish()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
