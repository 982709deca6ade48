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

export async function diagramFigure(code: string, options: DiagramFigureOptions = {}): Promise<Element> {
  const [light, dark] = await Promise.all([renderMermaid(code, 'light', options), renderMermaid(code, 'dark', options)]);
  const caption = light.title ?? options.caption;
  const children: ElementContent[] = [
    { type: 'element', tagName: 'div', properties: { className: ['diagram-theme', 'diagram-theme--light'] }, children: svgOf(light.svg) },
    { type: 'element', tagName: 'div', properties: { className: ['diagram-theme', 'diagram-theme--dark'] }, children: svgOf(dark.svg) },
  ];
  if (caption) children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] });
  return { type: 'element', tagName: 'figure', properties: { className: ['diagram'] }, children };
}

/** The figure as HTML, for pages that draw diagrams from the entries. */
export async function diagramFigureHtml(code: string, options: DiagramFigureOptions = {}): Promise<string> {
  return toHtml(await diagramFigure(code, options));
}
