/**
 * The drawings kept with the report (src/build-time/diagrams/kept-drawings.ts, run by `npm run
 * diagrams:keep`): found in a built site by their SVG ids, copied in from the cache, removed when
 * no page shows them, and nothing changed on a dry run or when a shown drawing is nowhere.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { keepDrawings, shownDrawings } from '../../../../src/build-time/diagrams/kept-drawings.ts';
import { drawingFile } from '../../../../src/build-time/diagrams/drawing-files.ts';
import { drawingId } from '../../../../src/build-time/diagrams/drawing-keys.ts';

const dir = mkdtempSync(join(tmpdir(), 'kept-drawings-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = (c: string) => c.repeat(64);
const [home, topics, old, drawnElsewhere] = [key('a'), key('b'), key('c'), key('d')];
const dist = join(dir, 'dist');
const keptDir = join(dir, 'content/diagrams');
const cacheDir = join(dir, 'cache');

function page(path: string, body: string) {
  mkdirSync(join(dist, path), { recursive: true });
  writeFileSync(join(dist, path, 'index.html'), `<!doctype html><html lang="zh-CN"><title>t</title><body>${body}</body></html>`);
}
const drawing = (k: string) => JSON.stringify({ svg: `<svg id="${k.slice(0, 4)}"></svg>` });

beforeEach(() => {
  rmSync(dir, { recursive: true, force: true });
  page('', `<figure><svg id="${drawingId(home, 'light')}"></svg><svg id="${drawingId(home, 'dark')}"></svg></figure>`);
  page('topics', `<svg id="${drawingId(topics, 'light')}"><g id="${drawingId(topics, 'light')}-node"></g></svg><svg id="icon-search"></svg>`);
  page('measures/01', '<p>没有图。</p>');
  mkdirSync(keptDir, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(drawingFile(keptDir, home), drawing(home));
  writeFileSync(drawingFile(keptDir, old), drawing(old));
  writeFileSync(drawingFile(cacheDir, topics), drawing(topics));
  writeFileSync(drawingFile(cacheDir, drawnElsewhere), drawing(drawnElsewhere));
});

describe('the drawings kept with the report', () => {
  it('are found in a built site by the ids of the drawings its pages show, with a page for each', () => {
    expect(shownDrawings(dist)).toEqual(
      new Map([
        [home.slice(0, 10), '/index.html'],
        [topics.slice(0, 10), '/topics/index.html'],
      ]),
    );
  });

  it('become exactly those the site shows: copied in from the cache, removed when no page shows them', () => {
    const result = keepDrawings(dist, { keptDir, cacheDir });
    expect(result).toEqual({ added: [topics], removed: [old], unchanged: [home], missing: [] });
    expect(readdirSync(keptDir).sort()).toEqual([`${home}.json`, `${topics}.json`]);
    expect(readFileSync(drawingFile(keptDir, topics), 'utf8')).toBe(drawing(topics));
    // Kept again: nothing to do.
    expect(keepDrawings(dist, { keptDir, cacheDir })).toEqual({ added: [], removed: [], unchanged: [home, topics], missing: [] });
  });

  it('change nothing on a dry run', () => {
    expect(keepDrawings(dist, { keptDir, cacheDir, dryRun: true })).toEqual({ added: [topics], removed: [old], unchanged: [home], missing: [] });
    expect(readdirSync(keptDir).sort()).toEqual([`${home}.json`, `${old}.json`]);
  });

  it('change nothing when a page shows a drawing that is neither kept nor cached, and name that page', () => {
    rmSync(drawingFile(cacheDir, topics));
    expect(keepDrawings(dist, { keptDir, cacheDir })).toEqual({
      added: [],
      removed: [old],
      unchanged: [home],
      missing: [{ keyStart: topics.slice(0, 10), page: '/topics/index.html' }],
    });
    expect(existsSync(drawingFile(keptDir, old))).toBe(true);
    expect(readdirSync(keptDir)).toHaveLength(2);
  });
});
