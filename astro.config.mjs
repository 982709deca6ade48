// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeSanitize from 'rehype-sanitize';
import diagrams from './src/build-time/integrations/diagrams.ts';
import { contentFolder } from './src/build-time/settings/content-folder.ts';
import { siteAddress } from './src/build-time/settings/site-address.ts';
import entryChecks from './src/build-time/integrations/entry-checks.ts';
import offline from './src/build-time/integrations/offline.ts';
import searchIndex from './src/build-time/integrations/search-index.ts';
import siteAddressNotice from './src/build-time/integrations/site-address-notice.ts';
import remarkCorrectionMarks from './src/build-time/markdown/remark-correction-marks.ts';
import remarkEscapeHtml from './src/build-time/markdown/remark-escape-html.ts';
import remarkFigureLinks from './src/build-time/markdown/remark-figure-links.ts';
import remarkMeasureLinks from './src/build-time/markdown/remark-measure-links.ts';
import remarkMermaidDiagrams from './src/build-time/markdown/remark-mermaid-diagrams.ts';
import rehypeChinesePunctuation from './src/build-time/markdown/rehype-chinese-punctuation.ts';
import rehypeReaderText from './src/build-time/markdown/rehype-reader-text.ts';
import { entrySanitizeSchema } from './src/pure/rules/sanitize-schema.ts';

// Where the site is published: `site` in content/publication.yaml, or SITE_URL (and BASE_PATH for a
// sub-path such as /report/) for a host. Without one, no page names an absolute address (README).
const { site, base } = siteAddress(contentFolder());

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  // Builds of other content (benchmarks, fixture sites) keep their content cache apart from the real site's.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  // No incremental build (experimental.incrementalBuild): it cost a cold build more than it saved a rebuild (docs/performance.md).
  // The report is public and static: nothing to prefetch, no toolbar, no telemetry-dependent UI.
  devToolbar: { enabled: false },
  // Every page declares its Content-Security-Policy in a meta tag (src/pure/site/content-security-policy.ts).
  // The site's scripts stay files of their own, never inlined into a page, so that one policy
  // ('self') fits every page: Astro's own CSP support hashes each page's inline scripts, which
  // costs every page of every build. (Stylesheets and other assets keep Vite's usual limit.)
  // The search UI is built as a module of its own (src/components/SearchBox.astro), whose start() the loader calls.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) }, worker: { format: 'es' } },
  markdown: {
    // The report has no program code to colour: no highlighter to load (and no inline styles from one).
    syntaxHighlight: false,
    processor: unified({
      // remarkEscapeHtml first: raw HTML an editor typed is shown as text; the plugins after it add the site's own markup.
      remarkPlugins: [remarkEscapeHtml, [remarkMeasureLinks, { base }], remarkFigureLinks, remarkCorrectionMarks, remarkMermaidDiagrams],
      // Every entry's HTML through the site's allowlist (src/pure/rules/sanitize-schema.ts); the source's ASCII
      // commas and brackets shown as Chinese punctuation; then the reader's text of each entry, recorded once
      // as it is rendered (for the search, the open data, the indexes): the text as the pages show it.
      rehypePlugins: [[rehypeSanitize, entrySanitizeSchema], rehypeChinesePunctuation, rehypeReaderText],
      // The text is the source's own words: SmartyPants would change its quotes and dashes.
      smartypants: false,
    }),
  },
  // diagrams: the browser that draws a new or edited diagram is closed once the pages are written; the build says which drawings are not kept.
  // searchIndex: written on a thread of its own while the pages are; the build waits for it at its end.
  // offline last: its service worker caches every file, the search index included.
  // entryChecks first: the checks of `npm run check` (src/build-time/checks/) stop a build with errors in the entries
  // before anything is built, and show in the preview's terminal and browser.
  integrations: [
    entryChecks(),
    diagrams(),
    mdx(),
    // A sitemap lists absolute addresses: only for a site that has one.
    ...(site ? [sitemap({ filter: (page) => !/\/(search|print)\/$/.test(page) })] : []),
    siteAddressNotice(site),
    searchIndex(),
    offline(),
  ],
});
