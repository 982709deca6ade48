/**
 * The drawings kept with the report (content/diagrams/, read before the cache by
 * render-mermaid.ts): which ones a built site shows, and bringing the kept set in line with them.
 * A built page names each drawing it shows by its SVG's id (drawingId), which starts with the
 * drawing's key; the drawing itself comes from the kept folder or from the build's cache.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { filesUnder } from '../files-under.ts';
import { diagramCacheDir, drawingFile, drawingKeysIn, keptDrawingsDir, type DrawingFolders } from './drawing-files.ts';
import { keyStartOfDrawingId } from './drawing-keys.ts';

/** The start of the key of each drawing the built site in `distDir` shows, with a page that shows it. */
export function shownDrawings(distDir: string): Map<string, string> {
  const shown = new Map<string, string>();
  for (const file of filesUnder(distDir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(distDir, file), 'utf8');
    // Most pages show no diagram: only those with an SVG are parsed.
    if (!html.includes('<svg')) continue;
    for (const svg of selectAll('svg[id]', fromHtml(html))) {
      const start = keyStartOfDrawingId(String(svg.properties.id));
      if (start && !shown.has(start)) shown.set(start, `/${file}`);
    }
  }
  return shown;
}

export interface KeepResult {
  /** Keys of the drawings copied into the kept folder. */
  added: string[];
  /** Keys of the kept drawings no page shows any more, removed. */
  removed: string[];
  /** Keys of the kept drawings that stay. */
  unchanged: string[];
  /** Drawings a page shows that neither the kept folder nor the cache holds, with that page. */
  missing: { keyStart: string; page: string }[];
}

/**
 * Makes the kept folder hold exactly the drawings the built site in `distDir` shows: copies in
 * those it lacks from the cache, removes those no page shows. With `dryRun`, says so and changes
 * nothing. Nothing changes either when a drawing is missing.
 */
export function keepDrawings(distDir: string, options: DrawingFolders & { dryRun?: boolean } = {}): KeepResult {
  const keptDir = keptDrawingsDir(options);
  const cacheDir = diagramCacheDir(options);
  const shown = shownDrawings(distDir);
  const kept = drawingKeysIn(keptDir);
  const cached = drawingKeysIn(cacheDir);
  const result: KeepResult = { added: [], removed: [], unchanged: [], missing: [] };
  for (const [keyStart, page] of shown) {
    const inKept = kept.find((key) => key.startsWith(keyStart));
    const inCache = cached.find((key) => key.startsWith(keyStart));
    if (inKept) result.unchanged.push(inKept);
    else if (inCache) result.added.push(inCache);
    else result.missing.push({ keyStart, page });
  }
  result.removed = kept.filter((key) => ![...shown.keys()].some((start) => key.startsWith(start)));
  if (options.dryRun || result.missing.length) return result;
  mkdirSync(keptDir, { recursive: true });
  for (const key of result.added) copyFileSync(drawingFile(cacheDir, key), drawingFile(keptDir, key));
  for (const key of result.removed) rmSync(drawingFile(keptDir, key));
  return result;
}
