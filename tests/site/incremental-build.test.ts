/**
 * A rebuild after an edit (`npm run build` again, on a copy of the project): Astro's incremental
 * build renders again only the measure pages whose cache key changed (src/lib/measure-pages.ts)
 * and copies the others from the last build. The check that matters is that the result is the
 * site a full build makes, file for file; and that pages were indeed copied, not all rendered.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** The measure pages Astro says it rendered (not restored from the last build), from its log. */
function renderedMeasurePages(log: string): { rendered: string[]; restored: number } {
  const lines = [...log.matchAll(/(\/measures\/\d+\/)index\.html(?: \((restored|\+[\d.]+m?s)\))?/g)];
  return {
    rendered: lines.filter((m) => m[2] !== 'restored').map((m) => m[1]).sort(),
    restored: lines.filter((m) => m[2] === 'restored').length,
  };
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
  let incremental: { log: string; files: Map<string, Buffer> };

  beforeAll(() => {
    dir = copyProject();
    projects.push(dir);
    const first = buildProject(dir);
    expect(first.status, first.stderr).toBe(0);
    // An editor adds a sentence to (5) and changes the status of (12).
    edit(dir, '05.md', (t) => `${t.trimEnd()}\n\n编者补记：本段为测试所加。\n`);
    edit(dir, '12.md', (t) => t.replace(/^status: 计划中$/m, 'status: 推进中'));
    const second = buildProject(dir);
    expect(second.status, second.stderr).toBe(0);
    incremental = { log: second.stdout, files: snapshot(join(dir, 'dist')) };
  }, 600_000);

  it('renders the edited pages and copies most of the others', () => {
    const { rendered, restored } = renderedMeasurePages(incremental.log);
    expect(rendered).toEqual(expect.arrayContaining(['/measures/05/', '/measures/12/']));
    expect(restored).toBeGreaterThanOrEqual(20);
    expect(rendered.length + restored).toBe(30);
    expect(incremental.files.get('measures/05/index.html')!.toString()).toContain('编者补记：本段为测试所加。');
    expect(incremental.files.get('measures/12/index.html')!.toString()).toContain('推进中');
  });

  it('makes exactly the site a full build makes', () => {
    const full = buildProject(dir, ['--force']);
    expect(full.status, full.stderr).toBe(0);
    expect(renderedMeasurePages(full.stdout).restored).toBe(0);
    const files = snapshot(join(dir, 'dist'));
    expect([...incremental.files.keys()].sort()).toEqual([...files.keys()].sort());
    const differing = [...files].filter(([path, bytes]) => !incremental.files.get(path)!.equals(bytes)).map(([path]) => path);
    expect(differing).toEqual([]);
  }, 300_000);
});
