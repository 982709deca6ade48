/**
 * The markup of a rendered diagram, shared by the Markdown plugin and the pages: one figure
 * holding the light and the dark rendering (the stylesheet shows the one that matches the
 * reader's system), and a caption from the diagram's accessible title.
 */
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { renderMermaid, type RenderOptions } from './render-mermaid.ts';

export interface DiagramFigureOptions extends RenderOptions {
  /** Caption when the diagram has no accTitle of its own. */
  caption?: string;
}

function svgOf(svg: string): ElementContent[] {
  return fromHtml(svg, { fragment: true, space: 'svg' }).children as ElementContent[];
}

/** The figure around both renderings, each given as the nodes `content` makes of its SVG. */
async function figureOf(code: string, options: DiagramFigureOptions, content: (svg: string) => ElementContent[]): Promise<Element> {
  const [light, dark] = await Promise.all([renderMermaid(code, 'light', options), renderMermaid(code, 'dark', options)]);
  const caption = light.title ?? options.caption;
  const children: ElementContent[] = [
    { type: 'element', tagName: 'div', properties: { className: ['diagram-theme', 'diagram-theme--light'] }, children: content(light.svg) },
    { type: 'element', tagName: 'div', properties: { className: ['diagram-theme', 'diagram-theme--dark'] }, children: content(dark.svg) },
  ];
  if (caption) children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] });
  return { type: 'element', tagName: 'figure', properties: { className: ['diagram'] }, children };
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
