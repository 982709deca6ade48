/**
 * What a phone gets of a diagram (src/build-time/diagrams/diagram-figure.ts), drawn by mermaid in Chromium:
 * the drawing itself when its labels stay readable at 360 px, a box that scrolls sideways when
 * no drawing can be, or nothing where the page lists the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDiagramBrowser } from '../../../../src/build-time/diagrams/diagram-browser.ts';
import { diagramFigure } from '../../../../src/build-time/diagrams/diagram-figure.ts';
import { drawingSize, PHONE_COLUMN_PX, readableIn } from '../../../../src/pure/diagrams/drawing-size.ts';
import { toHtml } from 'hast-util-to-html';

const dir = mkdtempSync(join(tmpdir(), 'diagram-figure-test-'));
const folders = { cacheDir: join(dir, 'cache'), keptDir: join(dir, 'kept') };
afterAll(async () => {
  await closeDiagramBrowser();
  rmSync(dir, { recursive: true, force: true });
});

const classes = (el: Element) => (el.properties.className as string[]).join(' ');
const svgs = (figure: Element) => selectAll('svg', figure).map((svg) => drawingSize(toHtml(svg, { space: 'svg' })));

// Six boxes side by side under one: too wide for a phone, and already top-down.
const fan = [
  'flowchart TD',
  '  accTitle: 六个分组',
  '  a["领导小组"] --> b1["第一分组"] & b2["第二分组"] & b3["第三分组"] & b4["第四分组"] & b5["第五分组"] & b6["第六分组"]',
].join('\n');

describe('diagramFigure on a phone', () => {
  it('keeps a drawing that is readable at 360 px as it is', async () => {
    const figure = await diagramFigure('flowchart LR\n  a["甲"] --> b["乙"]', folders);
    expect(classes(figure)).toBe('diagram');
    expect(svgs(figure).every((size) => readableIn(size, PHONE_COLUMN_PX))).toBe(true);
    expect(select('.diagram-size--narrow, .diagram-scroll', figure)).toBeUndefined();
  }, 60_000);

  it('puts a drawing no layout makes readable in a named box that scrolls sideways at a readable size, and says so', async () => {
    const figure = await diagramFigure(fan, folders);
    expect(classes(figure)).toBe('diagram diagram--scroll');
    const [size] = svgs(figure);
    expect(readableIn(size, PHONE_COLUMN_PX)).toBe(false);
    const box = select('.diagram-scroll', figure)!;
    expect(box.properties).toMatchObject({ tabIndex: 0, role: 'group', ariaLabel: '六个分组（可左右滑动）' });
    // At this width its labels are 12 px.
    const width = Number(/--readable-width:(\d+)px/.exec(String(box.properties.style))![1]);
    expect((size.labelPx * width) / size.width).toBeGreaterThanOrEqual(12);
    expect(selectAll('.diagram-scroll > .diagram-theme > svg', figure)).toHaveLength(2);
    expect(select('.diagram-scroll-hint', figure)).toBeDefined();
  }, 60_000);

  it('leaves the drawing to wide screens where the page lists the same', async () => {
    const figure = await diagramFigure(fan, { ...folders, listBeside: true });
    expect(classes(figure)).toBe('diagram diagram--wide-only');
    expect(select('.diagram-scroll, .diagram-size--narrow', figure)).toBeUndefined();
  }, 60_000);
});
