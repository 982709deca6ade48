/**
 * How large a drawing's labels come out on a screen. Mermaid draws a diagram at its own size
 * (the SVG's viewBox) and the page scales it down to fit the column, labels and all: the drawing
 * of the home page's structure, 751 units wide, put its 15 px labels at 6.5 px on a 360 px phone.
 * A drawing is readable at a width when its labels come out at least SMALLEST_LABEL_PX there.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** The smallest label a reader should have to read, in CSS px as drawn. */
export const SMALLEST_LABEL_PX = 12;

/** The column a diagram gets on the narrowest phone we design for: 360 px less the page's margins (report.css .wrap). */
export const PHONE_COLUMN_PX = 360 - 2 * 16;

/**
 * The column a diagram gets where the page starts to show its wide drawing instead of its phone
 * drawing: a 48rem (768 px) screen less the page's margins (report.css).
 */
export const WIDE_COLUMN_PX = 768 - 2 * 16;

export interface DrawingSize {
  /** The drawing's own width (its viewBox), in SVG units = CSS px at full size. */
  width: number;
  /** The size of its labels at full size, from the drawing's own font size. */
  labelPx: number;
}

/** The size of the drawing `svg` (mermaid's markup): its viewBox width and the font size it sets on itself. */
export function drawingSize(svg: string): DrawingSize {
  const root = fromHtml(svg, { fragment: true, space: 'svg' }).children.find((n): n is Element => n.type === 'element');
  const viewBox = String(root?.properties.viewBox ?? '')
    .split(/[\s,]+/)
    .map(Number);
  const fontSize = /font-size:\s*([\d.]+)px/.exec(String(root?.properties.style ?? ''));
  if (!root || viewBox.length !== 4 || !(viewBox[2] > 0) || !fontSize) throw new Error('drawingSize: not a mermaid drawing (no viewBox or font size)');
  return { width: viewBox[2], labelPx: Number(fontSize[1]) };
}

/** The size its labels come out at in a column `columnPx` wide: a drawing is shrunk to fit, never enlarged. */
export const labelPxIn = (size: DrawingSize, columnPx: number) => size.labelPx * Math.min(1, columnPx / size.width);

export const readableIn = (size: DrawingSize, columnPx: number) => labelPxIn(size, columnPx) >= SMALLEST_LABEL_PX;

/** The narrowest the drawing may be shown with its labels still readable: the width of a scrolling box's content. */
export const readableWidth = (size: DrawingSize) => Math.ceil((size.width * SMALLEST_LABEL_PX) / size.labelPx);
