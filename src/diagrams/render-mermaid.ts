/**
 * Renders mermaid diagrams to SVG at build time, with the real mermaid package in headless
 * Chromium (Debian's package, through playwright-core; no browser can be downloaded here), once
 * per diagram source and theme: results are cached on disk, so an unchanged diagram is never
 * rendered again and a build without new diagrams never starts a browser.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createMermaidRenderer, type MermaidRenderer } from 'mermaid-isomorphic';
import { chromium } from 'playwright-core';
import { optimize } from 'svgo';

export type DiagramTheme = 'light' | 'dark';

export interface RenderedSvg {
  svg: string;
  title?: string;
  description?: string;
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

const FONT_FAMILY = "'Noto Sans CJK SC', 'PingFang SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

/**
 * Mermaid settings per theme. The font is the CJK one installed for the build
 * (fonts-noto-cjk), so labels are measured with real Chinese glyphs; readers' system CJK fonts
 * have the same full-width advance.
 */
const MERMAID_CONFIG: Record<DiagramTheme, Record<string, unknown>> = {
  light: {
    theme: 'base',
    fontFamily: FONT_FAMILY,
    securityLevel: 'loose',
    themeVariables: {
      fontFamily: FONT_FAMILY,
      fontSize: '15px',
      primaryColor: '#f3f2f1',
      primaryBorderColor: '#484949',
      primaryTextColor: '#0b0c0c',
      lineColor: '#484949',
      secondaryColor: '#e8f0f8',
      tertiaryColor: '#ffffff',
    },
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: true, wrappingWidth: 480 },
  },
  dark: {
    theme: 'base',
    fontFamily: FONT_FAMILY,
    securityLevel: 'loose',
    themeVariables: {
      darkMode: true,
      fontFamily: FONT_FAMILY,
      fontSize: '15px',
      background: '#121416',
      primaryColor: '#1f2326',
      primaryBorderColor: '#c7c9ca',
      primaryTextColor: '#f3f2f1',
      lineColor: '#c7c9ca',
      secondaryColor: '#12324f',
      tertiaryColor: '#121416',
    },
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: true, wrappingWidth: 480 },
  },
};

const require = createRequire(import.meta.url);
const MERMAID_VERSION: string = require('mermaid/package.json').version;
/** Bump when the way diagrams are rendered changes, so old cache entries are not reused. */
const RENDERING_VERSION = 4;

export interface RenderOptions {
  /** Where rendered SVGs are kept between builds. */
  cacheDir?: string;
  /** Chromium to drive; Debian's by default. */
  executablePath?: string;
}

let renderer: MermaidRenderer | undefined;
function browserRenderer(executablePath: string): MermaidRenderer {
  renderer ??= createMermaidRenderer({
    browserType: chromium as never,
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  });
  return renderer;
}

/**
 * Mermaid writes coordinates to 15 digits and hand-drawn-style paths: svgo cuts a diagram to about
 * a third. Ids are kept as they are (they are already unique per diagram and theme, and are
 * what aria-labelledby and the diagram's own CSS refer to), and so are titles and descriptions.
 */
function shrink(svg: string): string {
  return optimize(svg, {
    multipass: true,
    floatPrecision: 2,
    plugins: [
      {
        name: 'preset-default',
        params: { overrides: { cleanupIds: false, removeUnknownsAndDefaults: { keepRoleAttr: true, keepAriaAttrs: true } } },
      },
    ],
  }).data;
}

/** Counts browser renders, so tests can tell a cache hit from a render. */
export const renderStats = { rendered: 0, cached: 0 };

export function diagramKey(code: string, theme: DiagramTheme): string {
  return createHash('sha256')
    .update(JSON.stringify([RENDERING_VERSION, MERMAID_VERSION, theme, MERMAID_CONFIG[theme], code]))
    .digest('hex');
}

export async function renderMermaid(code: string, theme: DiagramTheme, options: RenderOptions = {}): Promise<RenderedSvg> {
  const cacheDir = options.cacheDir ?? process.env.DIAGRAM_CACHE_DIR ?? join(process.cwd(), 'node_modules/.cache/report-diagrams');
  const key = diagramKey(code, theme);
  const cached = join(cacheDir, `${key}.json`);
  try {
    const hit = JSON.parse(readFileSync(cached, 'utf8')) as RenderedSvg;
    renderStats.cached++;
    return hit;
  } catch {
    // Not rendered before: render it now.
  }

  const render = browserRenderer(options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
  // The prefix makes every id inside the SVG unique to this diagram and theme, so several
  // diagrams on one page (and both themes of one diagram) never clash.
  const [result] = await render([code], { prefix: `d${key.slice(0, 10)}-${theme}`, mermaidConfig: MERMAID_CONFIG[theme] });
  if (result.status === 'rejected') {
    const reason = result.reason as { message?: string };
    throw new DiagramError(String(reason?.message ?? reason).split('\n').slice(0, 6).join('\n'), code);
  }
  const { title, description } = result.value;
  const rendered: RenderedSvg = { svg: shrink(result.value.svg), ...(title ? { title } : {}), ...(description ? { description } : {}) };
  renderStats.rendered++;
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a build stopped half-way never leaves a truncated cache entry.
  writeFileSync(`${cached}.${process.pid}.tmp`, JSON.stringify(rendered));
  renameSync(`${cached}.${process.pid}.tmp`, cached);
  return rendered;
}
