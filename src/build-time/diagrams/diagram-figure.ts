/**
 * The markup of a rendered diagram, shared by the Markdown plugin and the pages: one figure
 * holding the light and the dark rendering (the stylesheet shows the one that matches the
 * reader's system), and a caption from the diagram's accessible title.
 *
 * Every label is readable on a 360 px phone (drawing-size.ts). A drawing too wide for that gets a
 * second drawing for phones: the flowchart drawn top-down (top-down.ts), shown below 48rem in
 * its place. Where none fits either, the figure is for wide screens only when the page lists
 * the same beside it (`listBeside`), and otherwise keeps its labels readable on a phone in a box
 * that scrolls sideways and says so.
 */
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { drawingSize, PHONE_COLUMN_PX, readableIn, readableWidth, WIDE_COLUMN_PX } from '../../pure/diagrams/drawing-size.ts';
import type { RenderedSvg } from './drawing-files.ts';
import { FIGURE_CLASSES, SCROLL_BOX_CLASS, SCROLL_HINT_CLASS } from '../../pure/diagrams/figure-classes.ts';
import { renderMermaid, type RenderOptions } from './render-mermaid.ts';
import { topDown } from '../../pure/diagrams/top-down.ts';

export interface DiagramFigureOptions extends RenderOptions {
  /** Caption when the diagram has no accTitle of its own. */
  caption?: string;
  /**
   * The page says what the diagram shows in a list a phone reader sees: a drawing that cannot be
   * read on a phone is left out there (no phone drawing is tried), not put in a scrolling box.
   */
  listBeside?: boolean;
}

type Drawings = Record<'light' | 'dark', RenderedSvg>;

const element = (tagName: string, className: string[], children: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties: { className, ...properties },
  children,
});

async function draw(code: string, options: RenderOptions): Promise<Drawings> {
  const [light, dark] = await Promise.all([renderMermaid(code, 'light', options), renderMermaid(code, 'dark', options)]);
  return { light, dark };
}

/** How the figure is laid out on a phone: as drawn, with a top-down drawing instead, scrolling, or not at all. */
type PhoneLayout = { kind: 'as-drawn' } | { kind: 'top-down'; drawings: Drawings } | { kind: 'scroll'; width: number } | { kind: 'wide-only' };

async function phoneLayout(code: string, wide: Drawings, options: DiagramFigureOptions): Promise<PhoneLayout> {
  const size = drawingSize(wide.light.svg);
  if (readableIn(size, PHONE_COLUMN_PX)) return { kind: 'as-drawn' };
  if (options.listBeside) return { kind: 'wide-only' };
  const narrowCode = topDown(code);
  if (narrowCode) {
    const drawings = await draw(narrowCode, options);
    // The wide drawing must be readable from 48rem up for the phone drawing to stop there.
    if (readableIn(drawingSize(drawings.light.svg), PHONE_COLUMN_PX) && readableIn(size, WIDE_COLUMN_PX)) return { kind: 'top-down', drawings };
  }
  return { kind: 'scroll', width: readableWidth(size) };
}

/** The figure around the renderings, each given as the nodes `content` makes of its SVG. */
async function figureOf(code: string, options: DiagramFigureOptions, content: (svg: string) => ElementContent[]): Promise<Element> {
  const wide = await draw(code, options);
  const layout = await phoneLayout(code, wide, options);
  const caption = wide.light.title ?? options.caption;
  const theme = (name: 'light' | 'dark') =>
    element(
      'div',
      ['diagram-theme', `diagram-theme--${name}`],
      layout.kind === 'top-down'
        ? [element('div', ['diagram-size--wide'], content(wide[name].svg)), element('div', ['diagram-size--narrow'], content(layout.drawings[name].svg))]
        : content(wide[name].svg),
    );
  let drawings: ElementContent[] = [theme('light'), theme('dark')];
  if (layout.kind === 'scroll') {
    // A box that scrolls is reachable by keyboard, named, and says that it scrolls (report.css).
    drawings = [
      element('div', [SCROLL_BOX_CLASS], drawings, {
        tabIndex: 0,
        role: 'group',
        ariaLabel: `${caption ?? '图'}（可左右滑动）`,
        style: `--readable-width:${layout.width}px`,
      }),
      element('p', [SCROLL_HINT_CLASS], [{ type: 'text', value: '图较宽，可左右滑动查看。' }], { ariaHidden: 'true' }),
    ];
  }
  const children = [...drawings];
  if (caption) children.push(element('figcaption', [], [{ type: 'text', value: caption }]));
  const [plain, ...laidOut] = FIGURE_CLASSES;
  const className = [plain, ...laidOut.filter((name) => name === `diagram--${layout.kind}`)];
  return element('figure', className, children);
}

function svgOf(svg: string): ElementContent[] {
  return fromHtml(svg, { fragment: true, space: 'svg' }).children as ElementContent[];
}

/** The figure as a syntax tree, for the Markdown pipeline (the SVGs as elements). */
export function diagramFigure(code: string, options: DiagramFigureOptions = {}): Promise<Element> {
  return figureOf(code, options, svgOf);
}

/**
 * The figure as HTML, for pages that draw diagrams from the entries. Each SVG goes in as drawn
 * (mermaid's markup, shrunk by svgo), not parsed into a tree and written out again.
 */
export async function diagramFigureHtml(code: string, options: DiagramFigureOptions = {}): Promise<string> {
  const figure = await figureOf(code, options, (svg) => [{ type: 'raw', value: svg }]);
  return toHtml(figure, { allowDangerousHtml: true });
}
