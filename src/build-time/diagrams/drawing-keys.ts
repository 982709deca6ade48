/**
 * What names a drawing: its key (a hash of everything that decides the SVG: the diagram's source,
 * the theme and its settings, mermaid's version and the way drawings are made), and the id of its
 * SVG, which starts with the key so that a built page says which drawings it shows.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { MERMAID_CONFIG, type DiagramTheme } from '../../pure/diagrams/mermaid-config.ts';

const MERMAID_VERSION: string = createRequire(import.meta.url)('mermaid/package.json').version;

/** Bump when the way diagrams are drawn changes, so that no earlier drawing is reused. */
export const RENDERING_VERSION = 6;

/** A diagram's text with one kind of line ending: a checkout with CRLF (Windows) keeps the keys of the drawings. */
export const withLf = (code: string) => code.replace(/\r\n?/g, '\n');

export function diagramKey(code: string, theme: DiagramTheme): string {
  return createHash('sha256')
    .update(JSON.stringify([RENDERING_VERSION, MERMAID_VERSION, theme, MERMAID_CONFIG[theme], withLf(code)]))
    .digest('hex');
}

const DRAWING_ID_KEY_LENGTH = 10;
const DRAWING_ID = new RegExp(`^d([0-9a-f]{${DRAWING_ID_KEY_LENGTH}})-(?:light|dark)$`);

/**
 * The id of a drawing's SVG: unique to the diagram and theme (mermaid prefixes every id inside
 * with it), so several diagrams on one page, and both themes of one, never clash. It starts with
 * the drawing's key, which is how scripts/keep-diagrams.ts finds the drawings a built page shows.
 */
export const drawingId = (key: string, theme: DiagramTheme) => `d${key.slice(0, DRAWING_ID_KEY_LENGTH)}-${theme}`;

/** The start of the key of the drawing whose SVG has this id (drawingId), or undefined when the id is no drawing's. */
export const keyStartOfDrawingId = (id: string): string | undefined => DRAWING_ID.exec(id)?.[1];
