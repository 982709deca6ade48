/**
 * A rebuild after an edit (`npm run build` again, on a copy of the project): Astro's content
 * cache renders again only the edited entries, the diagrams come from their cache. The check that
 * matters is that the result is the site a full build (`--force`, no cache) makes, file for file.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, copyProject, removeProjects } from '../support/project-copy.ts';

const projects: string[] = [];
afterAll(() => removeProjects(projects));

/** Every file under a folder with its bytes, by path. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

function edit(dir: string, name: string, change: (text: string) => string) {
  const file = join(dir, 'content/measures', name);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${name} changed nothing`);
  writeFileSync(file, after);
}

describe('npm run build after an edit', () => {
  let dir: string;
  let rebuilt: Map<string, Buffer>;

  beforeAll(() => {
    dir = copyProject();
    projects.push(dir);
    const first = buildProject(dir);
    expect(first.status, first.stderr).toBe(0);
    // An editor adds a sentence to (5), changes the status of (12) and turns (20) and (21) into MDX.
    // (Astro's content cache knows an entry by its text: until (20)'s text changes, the rebuild
    // still reads it as Markdown; the full build below reads it as MDX, and both must make the same
    // site.) (21) gets what only MDX and GFM read: an element of the entries' allowlist (raw HTML in
    // Markdown is shown as text), and words struck through.
    edit(dir, '05.md', (t) => `${t.trimEnd()}\n\n编者补记：本段为测试所加。\n`);
    edit(dir, '12.md', (t) => t.replace(/^status: 计划中$/m, 'status: 推进中'));
    renameSync(join(dir, 'content/measures/20.md'), join(dir, 'content/measures/20.mdx'));
    renameSync(join(dir, 'content/measures/21.md'), join(dir, 'content/measures/21.mdx'));
    edit(dir, '21.mdx', (t) => `${t.trimEnd()}\n\n编者补记：~~旧说法~~新说法，<abbr title="中华全国总工会">全总</abbr>。\n`);
    const second = buildProject(dir);
    expect(second.status, second.stderr).toBe(0);
    rebuilt = snapshot(join(dir, 'dist'));
  }, 600_000);

  it('searches an MDX measure by the text its page shows', () => {
    // The search index's fragment of measure 21 (src/pure/search/index-format.ts).
    const manifest = JSON.parse(rebuilt.get('search-index/manifest.json')!.toString()) as { edition: string; kinds: { measure: { first: number } } };
    const fragment = rebuilt.get(`search-index/${manifest.edition}/f${manifest.kinds.measure.first + 20}.json`)!.toString();
    const text = (JSON.parse(fragment) as { text: string }).text;
    expect(text).toContain('编者补记：旧说法新说法，全总。');
    expect(text).not.toContain('abbr');
    expect(rebuilt.get('measures/21/index.html')!.toString()).toContain('编者补记：<del>旧说法</del>新说法，<abbr title="中华全国总工会">全总</abbr>。');
  });

  it('shows the edits', () => {
    expect(rebuilt.get('measures/05/index.html')!.toString()).toContain('编者补记：本段为测试所加。');
    expect(rebuilt.get('measures/12/index.html')!.toString()).toContain('推进中');
    expect(rebuilt.get('measures/20/index.html')!.toString()).toContain('研究制作入会微视频');
  });

  it('makes exactly the site a full build makes', () => {
    const full = buildProject(dir, ['--force']);
    expect(full.status, full.stderr).toBe(0);
    const files = snapshot(join(dir, 'dist'));
    expect([...rebuilt.keys()].sort()).toEqual([...files.keys()].sort());
    const differing = [...files].filter(([path, bytes]) => !rebuilt.get(path)!.equals(bytes)).map(([path]) => path);
    expect(differing).toEqual([]);
  }, 300_000);
});
