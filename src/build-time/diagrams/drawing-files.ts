/**
 * Where drawings are kept, one JSON file per drawing named by its key: with the report
 * (`diagrams/` in the content folder, committed with the entries: a build of the repository on
 * any machine shows the drawings the editors saw, and needs no browser for them) and in the
 * build's cache (node_modules/.cache/report-diagrams/: drawings made on this machine, until
 * `npm run diagrams:keep` keeps them with the report).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentFolder } from '../settings/content-folder.ts';

/** A drawing: its SVG, and the accessible title and description mermaid gave it. */
export interface RenderedSvg {
  svg: string;
  title?: string;
  description?: string;
}

export interface DrawingFolders {
  /** Where drawn SVGs are kept between builds. Default: diagramCacheDir(). */
  cacheDir?: string;
  /** The drawings kept with the report, read before the cache and never written. Default: keptDrawingsDir(). */
  keptDir?: string;
}

/** Where drawn diagrams are kept between builds. */
export function diagramCacheDir(options: DrawingFolders = {}): string {
  return options.cacheDir ?? process.env.DIAGRAM_CACHE_DIR ?? join(process.cwd(), 'node_modules/.cache/report-diagrams');
}

/** The drawings kept with the report whose content is in `contentDir`: its `diagrams/` folder. */
export const keptDrawingsIn = (contentDir: string) => resolve(contentDir, 'diagrams');

/** The drawings kept with the report: `diagrams/` in the content folder (src/build-time/settings/content-folder.ts). */
export function keptDrawingsDir(options: DrawingFolders = {}): string {
  return options.keptDir ?? keptDrawingsIn(contentFolder());
}

/**
 * How a drawing's file ends (its key before it). Nothing else in the cache ends so: the
 * drawing page is `.html`, and a file being written ends in `.tmp`.
 */
const DRAWING_FILE_SUFFIX = '.json';

/** A drawing's file in `dir`: its key, then the suffix. */
export const drawingFile = (dir: string, key: string) => join(dir, `${key}${DRAWING_FILE_SUFFIX}`);

/** The keys of the drawings in `dir` (none when there is no such folder). */
export function drawingKeysIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith(DRAWING_FILE_SUFFIX))
      .map((name) => name.slice(0, -DRAWING_FILE_SUFFIX.length));
  } catch {
    return [];
  }
}

/** A kept drawing; one an editor's tools damaged (a merge, say) is an error, not drawn again behind their back. */
export function readKeptDrawing(file: string): RenderedSvg {
  try {
    const drawing = JSON.parse(readFileSync(file, 'utf8')) as RenderedSvg;
    if (typeof drawing.svg === 'string' && drawing.svg.startsWith('<svg')) return drawing;
    throw new Error('it holds no SVG');
  } catch (error) {
    throw new Error(
      `${file} is not a drawing (${error instanceof Error ? error.message : String(error)}): delete it, then run npm run build && npm run diagrams:keep`,
    );
  }
}

/** A drawing from the cache, or undefined when it was not drawn before (or its file cannot be read). */
export function readCachedDrawing(file: string): RenderedSvg | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RenderedSvg;
  } catch {
    return undefined;
  }
}

/**
 * Writes `text` to `file` whole: written beside it, then renamed, so that a build stopped half
 * way never leaves a truncated file, and builds that share the folder may write it at once.
 */
export function writeWhole(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, text);
  renameSync(`${file}.${process.pid}.tmp`, file);
}
