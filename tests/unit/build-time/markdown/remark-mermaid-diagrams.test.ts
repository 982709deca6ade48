/**
 * Diagrams in entries: rendered by the real mermaid in Chromium into a figure holding a light
 * and a dark SVG, cached by source and theme, and a broken diagram reported at its line.
 * Runs Debian's Chromium (installed by scripts/install-browser.sh).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDiagramBrowser } from '../../../../src/build-time/diagrams/diagram-browser.ts';
import { drawingFile } from '../../../../src/build-time/diagrams/drawing-files.ts';
import { diagramKey } from '../../../../src/build-time/diagrams/drawing-keys.ts';
import { renderMermaid, renderStats, unkeptDrawings } from '../../../../src/build-time/diagrams/render-mermaid.ts';
import remarkMermaidDiagrams from '../../../../src/build-time/markdown/remark-mermaid-diagrams.ts';

const dir = mkdtempSync(join(tmpdir(), 'mermaid-test-'));
const cacheDir = join(dir, 'cache');
// No drawing kept with the report: these tests draw (the last one keeps its own).
const keptDir = join(dir, 'kept');
afterAll(async () => {
  await closeDiagramBrowser();
  rmSync(dir, { recursive: true, force: true });
});

const diagram = [
  '```mermaid',
  'flowchart LR',
  '  accTitle: 编者图示：“小三级”工会组织体系',
  '  accDescr: 乡镇(街道)、村(社区)、企业三级',
  '  town["乡镇(街道)工会"] --> village["村(社区)工会"] --> firm["企业工会"]',
  '```',
].join('\n');

async function render(name: string, body: string) {
  const path = join(dir, name);
  writeFileSync(path, `---\nnumber: 7\n---\n\n${body}`);
  const file = new VFile({ path, value: body });
  const out = await unified().use(remarkParse).use(remarkMermaidDiagrams, { cacheDir, keptDir }).use(remarkRehype).use(rehypeStringify).process(file);
  return fromHtml(String(out), { fragment: true });
}

describe('remark-mermaid-diagrams', () => {
  it('replaces a mermaid block by a figure with a light and a dark SVG and the title as caption', async () => {
    const tree = await render('07.md', `正文。\n\n${diagram}\n`);
    expect(select('pre', tree)).toBeUndefined();
    const figure = select('figure.diagram', tree)!;
    // Three boxes across are too wide for a phone: each theme holds the drawing across and, for
    // phones, the same flowchart drawn top-down (src/build-time/diagrams/diagram-figure.ts).
    expect(String((figure.properties.className as string[]).join(' '))).toBe('diagram diagram--top-down');
    for (const theme of ['light', 'dark']) {
      expect(selectAll(`.diagram-theme--${theme} > .diagram-size--wide > svg`, figure)).toHaveLength(1);
      expect(selectAll(`.diagram-theme--${theme} > .diagram-size--narrow > svg`, figure)).toHaveLength(1);
    }
    const widthOf = (size: string) =>
      Number(String((select(`.diagram-theme--light > .diagram-size--${size} > svg`, figure) as Element).properties.viewBox).split(' ')[2]);
    expect(widthOf('narrow')).toBeLessThan(widthOf('wide') / 2);
    expect(toText(select('figcaption', figure)!)).toBe('编者图示：“小三级”工会组织体系');
    // The Chinese labels are drawn as SVG text, whole.
    const labels = selectAll('.diagram-theme--light text', figure)
      .map((t) => toText(t))
      .join('|');
    for (const label of ['乡镇(街道)工会', '村(社区)工会', '企业工会']) expect(labels).toContain(label);
    // No id is used twice, in one theme or across both.
    const ids = selectAll('[id]', figure).map((el) => String((el as Element).properties.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(String((select('.diagram-theme--light svg', figure) as Element).properties.ariaRoleDescription)).toBe('flowchart-v2');
  }, 60_000);

  it('does not render an unchanged diagram again', async () => {
    const before = { ...renderStats };
    await render('07b.md', `${diagram}\n`);
    expect(renderStats.rendered).toBe(before.rendered);
    // Both themes of the drawing across and of the drawing for phones.
    expect(renderStats.cached).toBe(before.cached + 4);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(4);
  });

  it('draws a diagram asked for twice at once only once (the site draws its diagrams ahead of their pages)', async () => {
    const before = { ...renderStats };
    const code = 'flowchart LR\n  a["同时"] --> b["一次"]';
    const [first, second] = await Promise.all([renderMermaid(code, 'light', { cacheDir, keptDir }), renderMermaid(code, 'light', { cacheDir, keptDir })]);
    expect(second).toBe(first);
    expect(renderStats.rendered).toBe(before.rendered + 1);
  }, 60_000);

  it('fails on a diagram mermaid cannot read, naming the line in the file and mermaid’s message', async () => {
    // Round brackets inside a square-bracket label must be quoted: line 3 of the diagram is wrong.
    const broken = ['```mermaid', 'flowchart LR', '  a --> b', '  c[乡镇(街道)工会] --> d', '  e --> f', '```'].join('\n');
    const error = await render('08.md', `正文。\n\n${broken}\n`).then(
      () => undefined,
      (e) => e,
    );
    expect(error?.reason).toMatch(/^mermaid diagram cannot be drawn: Parse error on line 3:/);
    expect(error?.file).toBe(join(dir, '08.md'));
    // Frontmatter (3 lines), a blank line, 正文, a blank line, the fence on line 7: diagram line 3 is line 10.
    expect(error?.line).toBe(10);
  }, 60_000);

  it('names the diagram’s last line when the diagram stops half way (mermaid names the line after it)', async () => {
    const unfinished = ['```mermaid', 'flowchart LR', '  a --> b', '  b -->', '```'].join('\n');
    const error = await render('09.md', `正文。\n\n${unfinished}\n`).then(
      () => undefined,
      (e) => e,
    );
    expect(error?.reason).toMatch(/^mermaid diagram cannot be drawn: Parse error on line \d+:/);
    expect(error?.reason).toMatch(/got 'EOF'/);
    // The fence is on line 7 of the file: the diagram's third line, `  b -->`, is line 10.
    expect(error?.line).toBe(10);
  }, 60_000);

  it('takes a drawing kept with the report before the cache, draws nothing and writes nothing there', async () => {
    const code = 'flowchart LR\n  a["保存"] --> b["优先"]';
    const kept = join(dir, 'kept-first');
    mkdirSync(kept);
    const keptDrawing = JSON.stringify({ svg: '<svg id="kept"></svg>', title: '保存的图' });
    writeFileSync(drawingFile(kept, diagramKey(code, 'dark')), keptDrawing);
    writeFileSync(drawingFile(cacheDir, diagramKey(code, 'dark')), JSON.stringify({ svg: '<svg id="cached"></svg>' }));
    const before = { ...renderStats };
    expect(await renderMermaid(code, 'dark', { cacheDir, keptDir: kept })).toEqual({ svg: '<svg id="kept"></svg>', title: '保存的图' });
    expect(unkeptDrawings()).not.toContain(diagramKey(code, 'dark'));
    // Not kept: from the cache, else drawn into the cache, never into the kept folder.
    expect(await renderMermaid(code, 'dark', { cacheDir, keptDir })).toEqual({ svg: '<svg id="cached"></svg>' });
    await renderMermaid(code, 'light', { cacheDir, keptDir: kept });
    expect(renderStats.rendered).toBe(before.rendered + 1);
    // What diagrams:keep would add: the drawings taken from the cache or drawn where none was kept.
    expect(unkeptDrawings()).toContain(diagramKey(code, 'light'));
    expect(unkeptDrawings()).toContain(diagramKey(code, 'dark'));
    expect(readdirSync(kept)).toEqual([`${diagramKey(code, 'dark')}.json`]);
    expect(readFileSync(drawingFile(kept, diagramKey(code, 'dark')), 'utf8')).toBe(keptDrawing);
    expect(readdirSync(cacheDir)).toContain(`${diagramKey(code, 'light')}.json`);
    // A damaged kept drawing is an error naming its file, not drawn again.
    writeFileSync(drawingFile(kept, diagramKey(code, 'dark')), '<<<<<<< HEAD\n{"svg":');
    await expect(renderMermaid(code, 'dark', { cacheDir, keptDir: kept })).rejects.toThrow(`${drawingFile(kept, diagramKey(code, 'dark'))} is not a drawing (`);
  }, 60_000);
  it('draws with mermaid’s strict security level: a click line’s javascript: address or callback never reaches the drawing', async () => {
    const code = 'flowchart LR\n  a["甲"] --> b["乙"]\n  click a href "javascript:alert(1)"\n  click b call alert(2)';
    const drawn = fromHtml((await renderMermaid(code, 'light', { cacheDir, keptDir })).svg, { fragment: true, space: 'svg' });
    const attributes = selectAll('*', drawn).flatMap((el) => Object.entries((el as Element).properties));
    expect(attributes.filter(([name]) => /^on/i.test(name))).toEqual([]);
    expect(attributes.filter(([, value]) => /javascript:/i.test(String(value)))).toEqual([]);
    expect(toText(drawn)).toContain('甲');
  }, 60_000);

  it('gives a diagram written with CRLF line endings the key, and so the kept drawing, it has with LF', async () => {
    const code = 'flowchart LR\n  a["换行"] --> b["一致"]';
    const crlf = code.replace(/\n/g, '\r\n');
    expect(diagramKey(crlf, 'light')).toBe(diagramKey(code, 'light'));
    expect(diagramKey(code.replace(/\n/g, '\r'), 'dark')).toBe(diagramKey(code, 'dark'));
    const kept = join(dir, 'kept-crlf');
    mkdirSync(kept);
    writeFileSync(drawingFile(kept, diagramKey(code, 'light')), JSON.stringify({ svg: '<svg id="kept-lf"></svg>' }));
    const before = { ...renderStats };
    expect(await renderMermaid(crlf, 'light', { cacheDir, keptDir: kept })).toEqual({ svg: '<svg id="kept-lf"></svg>' });
    expect(renderStats.rendered).toBe(before.rendered);
  });
});
