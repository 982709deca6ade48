/**
 * Astro hands Markdown plugins an entry's body without its frontmatter, so the positions in the
 * syntax tree count from the body's first line. Editors need the line in the file they opened:
 * this finds where the body starts in the file on disk and shifts a position by that much.
 */
import { readFileSync } from 'node:fs';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';

function bodyLineOffset(file: VFile): number {
  if (!file.path) return 0;
  let disk: string;
  try {
    disk = readFileSync(file.path, 'utf8');
  } catch {
    return 0;
  }
  const body = String(file.value);
  const at = body ? disk.lastIndexOf(body) : -1;
  if (at <= 0) return 0;
  return disk.slice(0, at).split('\n').length - 1;
}

/** A place in the body, as a place in the entry file. */
export function placeInFile(file: VFile, place: Position | Point | undefined): Position | Point | undefined {
  if (!place) return undefined;
  const offset = bodyLineOffset(file);
  if (!offset) return place;
  const shift = (p: Point): Point => ({ line: p.line + offset, column: p.column });
  return 'start' in place ? { start: shift(place.start), end: shift(place.end) } : shift(place);
}
