/**
 * What the diagram modules share across the process. On globalThis because Astro loads them twice
 * in one process — with its config (the Markdown plugin, the integrations) and in the pages'
 * bundle — and both copies must draw in one browser and count into one set.
 */
import type { Page } from 'playwright-core';

export interface DiagramBrowser {
  /** The drawing page, once the browser has started and loaded it. */
  page: Promise<Page>;
  /** Drawings run one after another: each sets mermaid's configuration for its theme. */
  queue: Promise<unknown>;
  /** Drawings asked for and not yet finished. */
  pending: number;
  idleTimer?: ReturnType<typeof setTimeout>;
}

interface SharedInProcess {
  browser?: DiagramBrowser;
  /** Keys of the drawings this process used that the report does not keep (see unkeptDrawings). */
  unkept: Set<string>;
}

const KEY = Symbol.for('acftu-report.diagrams');
const global = globalThis as typeof globalThis & { [KEY]?: SharedInProcess };

export const sharedInProcess: SharedInProcess = (global[KEY] ??= { unkept: new Set() });
