/**
 * Builds the site's Pagefind index during the Astro build, with Pagefind's Node API. Pagefind
 * runs in its own process and takes as long as Astro's writing of the pages (at 5000 measures),
 * so it starts as early as the texts are known:
 *
 * - as soon as the entry checks have read the entries (on another thread, while Astro reads them
 *   too), from the measures as read: their frontmatter and the text of their Markdown;
 * - when /measures/texts.json is built (from the measures collection, by the same schema and
 *   Markdown pipeline as the pages), its texts decide: if they are the texts already being
 *   indexed, that index is kept; if not (a site plugin that changes the words), it is
 *   dropped and the rendered texts are indexed instead (one index after the other: Pagefind
 *   runs one at a time).
 *
 * It indexes exactly the measures' text: one custom record per measure, never the pages' header,
 * footer, navigation or figure tables. Each record carries the measure's status and topics as
 * Pagefind filters and its title, number and status as metadata. Then it records, in
 * texts.json, the id Pagefind gives each page, so the browser joins Pagefind's results to the
 * texts without Pagefind's fragments, which are not published.
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { measurePath, withBase } from '../lib/site-paths.ts';
import { composeSearchTexts } from '../search/compose-texts.ts';
import { receiveMeasureReadings, receiveSearchTexts } from '../search/texts-handoff.ts';
import { FILTER_STATUS, FILTER_TOPIC, PAGEFIND_PATH, TEXTS_PATH, type SearchTexts } from '../search/texts.ts';

/** Pagefind's prebuilt UIs, which the site does not use (it has its own, src/search/). */
const UNUSED_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** Pagefind's language code for the report (the pages are zh-CN). */
const LANGUAGE = 'zh';

/**
 * Pagefind writes each page's fragment to a file of its own unless told to group them. The
 * fragments are read once, for the ids (pagefindIds), and removed: grouped into a few files,
 * reading them cost the build's main thread 0.16 s at 5000 measures instead of 0.3–0.5 s
 * (5000 files opened, read and unzipped). The ids are the same either way.
 */
const FRAGMENT_FILES = 16;

function check(what: string, errors: string[]) {
  if (errors.length) throw new Error(`Pagefind could not ${what}:\n${errors.join('\n')}`);
}

/** Indexes the texts and writes the Pagefind bundle to `outputPath`. */
export async function writePagefindIndex(texts: SearchTexts, outputPath: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: LANGUAGE, maxFragments: FRAGMENT_FILES });
    check('start an index', errors);
    if (!index) throw new Error('Pagefind returned no index');
    // The service takes records concurrently; a few at a time keeps its queue short.
    const BATCH = 64;
    for (let i = 0; i < texts.docs.length; i += BATCH) {
      const added = await Promise.all(
        texts.docs.slice(i, i + BATCH).map((doc) =>
          index.addCustomRecord({
            url: doc.url,
            content: doc.text,
            language: LANGUAGE,
            meta: { title: `（${doc.n}）${doc.title}`, number: String(doc.n), status: texts.statuses[doc.status].label },
            filters: { [FILTER_STATUS]: [texts.statuses[doc.status].label], [FILTER_TOPIC]: doc.topics.map((t) => texts.topics[t]) },
            sort: { number: String(doc.n).padStart(6, '0') },
          }),
        ),
      );
      added.forEach((r, j) => check(`index ${texts.docs[i + j].url}`, r.errors));
    }
    const written = await index.writeFiles({ outputPath });
    check(`write its files to ${outputPath}`, written.errors);
    // Pagefind always writes its ready-made search UIs; the site has its own (src/search/), so
    // they would only be dead weight in the site and in the offline worker's cache.
    await Promise.all(UNUSED_UI_FILES.map((f) => rm(join(outputPath, f), { force: true })));
  } finally {
    await pagefind.close();
  }
}

/**
 * The id of each page in Pagefind's search results, by URL. Pagefind names each page's
 * fragment file after that id, or, when told to group them (FRAGMENT_FILES), keys each fragment
 * by its id in a shared file; the fragment (gzip, after a `pagefind_dcd` signature) holds the
 * page's URL. Checked: a format change fails the build here rather than breaking search.
 */
export function pagefindIds(outputPath: string): Map<string, string> {
  const dir = join(outputPath, 'fragment');
  const ids = new Map<string, string>();
  // No records, no fragments (a report with no measures yet); a record without one fails in completeTexts.
  if (!existsSync(dir)) return ids;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    const raw = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    const signature = 'pagefind_dcd';
    if (!raw.startsWith(signature)) throw new Error(`Pagefind fragment ${name}: unknown format`);
    const json = JSON.parse(raw.slice(signature.length)) as Record<string, unknown>;
    // One fragment per file, or a group of fragments keyed by id (more pages than FRAGMENT_FILES).
    if (typeof json.url === 'string') ids.set(json.url, name.replace(/\.pf_fragment$/, ''));
    else for (const [id, fragment] of Object.entries(json)) ids.set((fragment as { url: string }).url, id);
  }
  return ids;
}

/**
 * Indexes the texts, then reads the id Pagefind gave each page. Pagefind's fragments (each page's
 * text again, for result excerpts) then go: the site shows its own excerpts, from texts.json, and
 * never fetches them, and a reader's offline copy of the site would hold one file per measure
 * for nothing.
 */
async function indexTexts(texts: SearchTexts, outputPath: string): Promise<Map<string, string>> {
  await writePagefindIndex(texts, outputPath);
  const ids = pagefindIds(outputPath);
  await rm(join(outputPath, 'fragment'), { recursive: true, force: true });
  return ids;
}

/** Writes texts.json again, with the Pagefind id of each doc. */
async function completeTexts(textsFile: URL, texts: SearchTexts, ids: Map<string, string>): Promise<void> {
  const missing = texts.docs.filter((d) => !ids.has(d.url)).map((d) => d.url);
  if (missing.length) throw new Error(`Pagefind has no page for ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}`);
  texts.pagefind = texts.docs.map((d) => ids.get(d.url)!);
  await writeFile(textsFile, JSON.stringify(texts));
}

/**
 * Builds the index for a finished build in `dir`, from its texts.json, and completes texts.json
 * with the ids: the way back when the texts were not handed over during the build (a prerenderer
 * that writes the pages in another process would not share the hand-over).
 */
export async function indexBuiltSite(dir: URL, logger?: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const textsFile = new URL(TEXTS_PATH, dir);
  let texts: SearchTexts;
  try {
    texts = JSON.parse(await readFile(textsFile, 'utf8')) as SearchTexts;
  } catch (error) {
    throw new Error(`Search: cannot read ${fileURLToPath(textsFile)}, which src/pages/measures/texts.json.ts should have built`, { cause: error });
  }
  await completeTexts(textsFile, texts, await indexTexts(texts, fileURLToPath(new URL(PAGEFIND_PATH, dir))));
  logger?.info(`indexed ${texts.docs.length} measures in ${Math.round(performance.now() - started)} ms`);
}

/** Moves a finished index into the site (a copy when the two folders are on different file systems). */
function moveFolder(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

type IndexTexts = (texts: SearchTexts, outputPath: string) => Promise<Map<string, string>>;

/**
 * One build's index: begun from the texts as read (into `draftPath`: Astro empties the site's
 * folder when it starts writing), then kept or replaced when the rendered texts arrive.
 */
export class SearchIndexRun {
  #draft?: { texts: SearchTexts; ids: Promise<Map<string, string>> };
  #final?: { texts: SearchTexts; ids: Promise<Map<string, string>>; from: 'read' | 'rendered' };

  readonly #index: IndexTexts;
  readonly #outputPath: string;
  readonly #draftPath: string;

  // No parameter properties: the config and its integrations are loaded by Node itself, which strips types but runs no other TypeScript.
  constructor(index: IndexTexts, outputPath: string, draftPath: string) {
    this.#index = index;
    this.#outputPath = outputPath;
    this.#draftPath = draftPath;
  }

  /** The texts as read from the entries: indexing starts. */
  begin(texts: SearchTexts): void {
    if (this.#draft || this.#final) return;
    // Pagefind adds to its output folder: what a build stopped half way left there must go first.
    rmSync(this.#draftPath, { recursive: true, force: true });
    const ids = this.#index(texts, this.#draftPath);
    // Awaited when the rendered texts decide; caught here only so that a failure is not reported as unhandled first.
    ids.catch(() => undefined);
    this.#draft = { texts, ids };
  }

  /** The texts as rendered: the index begun is kept if it holds them, else they are indexed. */
  decide(texts: SearchTexts): void {
    if (this.#final) return;
    const draft = this.#draft;
    // Compared as values, not as JSON text: serializing both cost the build's main thread 0.1 s at 5000 measures.
    if (draft && isDeepStrictEqual(draft.texts, texts)) {
      this.#final = { texts, from: 'read', ids: draft.ids.then((ids) => (moveFolder(this.#draftPath, this.#outputPath), ids)) };
    } else {
      // Pagefind runs one index at a time per process: the draft, if any, finishes (or fails) first.
      const drafted = draft ? draft.ids.then(() => undefined, () => undefined).then(() => rmSync(this.#draftPath, { recursive: true, force: true })) : Promise.resolve();
      this.#final = { texts, from: 'rendered', ids: drafted.then(() => this.#index(texts, this.#outputPath)) };
    }
    // Awaited by finish() at the end of the build, which reports a failure; caught here only so
    // that a failure meanwhile is not an unhandled rejection, which would end the build's process.
    this.#final.ids.catch(() => undefined);
  }

  /** The index of the rendered texts with Pagefind's id of each page, once written to the site; undefined if they never came. */
  async finish(): Promise<{ texts: SearchTexts; ids: Map<string, string>; from: 'read' | 'rendered' } | undefined> {
    const final = this.#final;
    try {
      if (!final) {
        await this.#draft?.ids.catch(() => undefined);
        return undefined;
      }
      return { texts: final.texts, ids: await final.ids, from: final.from };
    } finally {
      rmSync(this.#draftPath, { recursive: true, force: true });
    }
  }
}

export default function pagefindSearch(): AstroIntegration {
  let building = false;
  let run: SearchIndexRun | undefined;
  return {
    name: 'report-search',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        if (!building) return;
        // A draft folder per build process: builds of one checkout may run at once (scripts/build.ts).
        const draft = fileURLToPath(new URL(`pagefind-draft-${process.pid}/`, config.cacheDir));
        const current = new SearchIndexRun(indexTexts, fileURLToPath(new URL(PAGEFIND_PATH, config.outDir)), draft);
        run = current;
        // The index starts as soon as the entry checks have read the measures (src/search/texts-handoff.ts).
        receiveMeasureReadings((measures) => current.begin(composeSearchTexts(measures, (n) => withBase(config.base, measurePath(n)))));
        receiveSearchTexts((texts) => current.decide(texts));
      },
      'astro:build:done': async ({ dir, logger }) => {
        receiveMeasureReadings(undefined);
        receiveSearchTexts(undefined);
        const finished = await run?.finish();
        run = undefined;
        if (!finished) return indexBuiltSite(dir, logger);
        const started = performance.now();
        await completeTexts(new URL(TEXTS_PATH, dir), finished.texts, finished.ids);
        const from = finished.from === 'read' ? 'begun from the entries as read, the same texts as rendered' : 'from the texts as rendered';
        logger.info(`indexed ${finished.texts.docs.length} measures (${from}) while the pages were written (${Math.round(performance.now() - started)} ms after them)`);
      },
    },
  };
}
