/**
 * Draws mermaid diagrams as SVG for the site, once per diagram and theme: a drawing kept with the
 * report (content/diagrams/) is read from there, one drawn before on this machine from the
 * build's cache, and only a diagram new or edited is drawn, with the real mermaid package in
 * Chromium (diagram-browser.ts), and cached.
 */
import { existsSync } from 'node:fs';
import { defaultChromium, drawInBrowser } from './diagram-browser.ts';
import {
  diagramCacheDir,
  drawingFile,
  keptDrawingsDir,
  readCachedDrawing,
  readKeptDrawing,
  writeWhole,
  type DrawingFolders,
  type RenderedSvg,
} from './drawing-files.ts';
import { diagramKey, drawingId, withLf } from './drawing-keys.ts';
import { MERMAID_CONFIG, type DiagramTheme } from '../../pure/diagrams/mermaid-config.ts';
import { sharedInProcess } from './shared-in-process.ts';

export interface RenderOptions extends DrawingFolders {
  /** The Chromium that draws. Default: Debian's headless shell when installed, else Debian's Chromium. */
  executablePath?: string;
}

/** A diagram that mermaid could not read, with mermaid's own message. */
export class DiagramError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = 'DiagramError';
    this.code = code;
  }
}

/** Counts drawings made and drawings read, so tests can tell one from the other. */
export const renderStats = { rendered: 0, cached: 0 };

/**
 * The keys of the drawings this process drew, or took from the cache, because the report does not
 * keep them (content/diagrams/): what `npm run diagrams:keep` would add after this build.
 */
export const unkeptDrawings = (): Set<string> => sharedInProcess.unkept;

/** Drawings under way, by cache file: two pages asking for one diagram at once share its drawing. */
const drawing = new Map<string, Promise<RenderedSvg>>();

export function renderMermaid(text: string, theme: DiagramTheme, options: RenderOptions = {}): Promise<RenderedSvg> {
  const code = withLf(text);
  const cached = drawingFile(diagramCacheDir(options), diagramKey(code, theme));
  let rendered = drawing.get(cached);
  if (!rendered) {
    rendered = renderOnce(code, theme, options, cached).finally(() => drawing.delete(cached));
    drawing.set(cached, rendered);
  }
  return rendered;
}

async function renderOnce(code: string, theme: DiagramTheme, options: RenderOptions, cached: string): Promise<RenderedSvg> {
  const key = diagramKey(code, theme);
  const kept = drawingFile(keptDrawingsDir(options), key);
  if (existsSync(kept)) {
    renderStats.cached++;
    return readKeptDrawing(kept);
  }
  sharedInProcess.unkept.add(key);
  const hit = readCachedDrawing(cached);
  if (hit) {
    renderStats.cached++;
    return hit;
  }
  const result = await drawInBrowser(code, MERMAID_CONFIG[theme], drawingId(key, theme), options.executablePath ?? defaultChromium(), diagramCacheDir(options));
  if (result.error !== undefined || result.svg === undefined) {
    throw new DiagramError(String(result.error).split('\n').slice(0, 6).join('\n'), code);
  }
  const { title, description } = result;
  const rendered: RenderedSvg = { svg: result.svg, ...(title ? { title } : {}), ...(description ? { description } : {}) };
  renderStats.rendered++;
  writeWhole(cached, JSON.stringify(rendered));
  return rendered;
}
