/**
 * The diagrams integration (src/integrations/diagrams.ts): a build whose cache holds no drawing
 * starts the drawing browser as it begins; a build with drawings cached, or the preview, does not.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeDiagramBrowser } from '../../src/diagrams/render-mermaid.ts';
import diagrams from '../../src/integrations/diagrams.ts';
import { childProcesses } from '../../src/lib/process-tree.ts';

const dir = mkdtempSync(join(tmpdir(), 'diagrams-integration-test-'));
const saved = { cache: process.env.DIAGRAM_CACHE_DIR, content: process.env.CONTENT_DIR };
afterEach(() => closeDiagramBrowser());
afterAll(() => {
  process.env.DIAGRAM_CACHE_DIR = saved.cache;
  process.env.CONTENT_DIR = saved.content;
  rmSync(dir, { recursive: true, force: true });
});

const browsers = () => childProcesses(process.pid).filter((pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('chromium'));

/** The integration set up for `command`, with the drawings kept in `contentDir`/diagrams and cached in `cacheDir`. */
function setUp(command: 'build' | 'dev', cacheDir: string, contentDir = join(dir, 'no-content')) {
  process.env.DIAGRAM_CACHE_DIR = cacheDir;
  process.env.CONTENT_DIR = contentDir;
  const setup = diagrams().hooks['astro:config:setup'] as (options: { command: string }) => void;
  setup({ command } as Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0]);
}

describe('the diagrams integration', () => {
  it('starts the browser as a build begins when the cache holds no drawing', async () => {
    expect(browsers()).toEqual([]);
    setUp('build', join(dir, 'empty'));
    expect(browsers()).toHaveLength(1);
    await closeDiagramBrowser();
    expect(browsers()).toEqual([]);
    // The drawing page the browser loaded is in the cache now, and is not a drawing.
    expect(readdirSync(join(dir, 'empty'))).toEqual([expect.stringMatching(/^render-page-\d+\.html$/)]);
    setUp('build', join(dir, 'empty'));
    expect(browsers()).toHaveLength(1);
  }, 30_000);

  it('starts no browser when drawings are cached or kept with the report, nor for the preview', () => {
    const cached = join(dir, 'cached');
    mkdirSync(cached);
    writeFileSync(join(cached, `${'a'.repeat(64)}.json`), '{"svg":"<svg></svg>"}');
    setUp('build', cached);
    expect(browsers()).toEqual([]);
    const content = join(dir, 'content');
    mkdirSync(join(content, 'diagrams'), { recursive: true });
    writeFileSync(join(content, 'diagrams', `${'b'.repeat(64)}.json`), '{"svg":"<svg></svg>"}');
    setUp('build', join(dir, 'empty-cache'), content);
    expect(browsers()).toEqual([]);
    setUp('dev', join(dir, 'empty-too'));
    expect(browsers()).toEqual([]);
  });
});
