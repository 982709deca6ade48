/**
 * The floor the site's build time is judged against, as the quality budget defines it (issue 7):
 * the barest Astro site for the same entries — one collection with a glob loader, one page per
 * measure rendering its Markdown with remark/rehype, no design, no features — and the Pagefind
 * CLI over its pages afterwards, as a docs framework would index them. Built on the same machine
 * at the same time as the site, so that a slow or busy machine shows in both numbers and their
 * ratio stays meaningful.
 *
 * remark/rehype is Astro's unified() processor with its defaults, the pipeline the site itself
 * must use. Astro 7's default processor (satteri, compiled Rust) would make a faster floor the
 * site could not reach with the stack it is built on (docs/performance.md).
 */
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timed, type TimedRun } from './bench-timing.ts';

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'bench-floor', private: true, type: 'module' }),
  'astro.config.mjs': [
    "import { unified } from '@astrojs/markdown-remark';",
    "import { defineConfig } from 'astro/config';",
    "export default defineConfig({ cacheDir: './.astro-cache', markdown: { processor: unified() } });",
    '',
  ].join('\n'),
  'src/content.config.ts': [
    "import { defineCollection } from 'astro:content';",
    "import { glob } from 'astro/loaders';",
    "export const collections = { measures: defineCollection({ loader: glob({ pattern: '*.md', base: process.env.FLOOR_CONTENT }) }) };",
    '',
  ].join('\n'),
  'src/pages/measures/[id].astro': [
    '---',
    "import { getCollection, render } from 'astro:content';",
    'export async function getStaticPaths() {',
    "  return (await getCollection('measures')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));",
    '}',
    'const { entry } = Astro.props;',
    'const { Content } = await render(entry);',
    '---',
    '<html lang="zh-CN"><head><meta charset="utf-8"><title>{entry.data.title}</title></head><body><main><h1>{entry.data.title}</h1><Content /></main></body></html>',
    '',
  ].join('\n'),
};

/**
 * Writes the floor site in `workDir`, from scratch, with the packages of the working tree at
 * `root`; it reads the entries of the folder in FLOOR_CONTENT (see floorEnv).
 */
export function writeFloorSite(root: string, workDir: string): void {
  rmSync(workDir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(workDir, path, '..'), { recursive: true });
    writeFileSync(join(workDir, path), text);
  }
  symlinkSync(join(root, 'node_modules'), join(workDir, 'node_modules'));
}

/** What the floor site's Astro needs in its environment to read the entries of `contentDir` (holding measures/). */
export const floorEnv = (contentDir: string) => ({ ASTRO_TELEMETRY_DISABLED: '1', FLOOR_CONTENT: join(contentDir, 'measures') });

/** Builds the floor site for `contentDir` (holding measures/) in `workDir`, from scratch: Astro, then Pagefind. */
export function buildFloor(root: string, contentDir: string, workDir: string): TimedRun {
  writeFloorSite(root, workDir);
  const env = { ...process.env, ...floorEnv(contentDir) };
  const astro = timed(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], workDir, env);
  const pagefind = timed(process.execPath, [join(root, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', 'dist'], workDir, env);
  if (!existsSync(join(workDir, 'dist/pagefind/pagefind.js'))) throw new Error(`the floor site in ${workDir} has no Pagefind index`);
  return {
    seconds: astro.seconds + pagefind.seconds,
    cpuSeconds: astro.cpuSeconds + pagefind.cpuSeconds,
    peakMiB: Math.max(astro.peakMiB, pagefind.peakMiB),
    output: astro.output + pagefind.output,
  };
}
