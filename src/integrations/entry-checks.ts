/**
 * Runs the entry checks of `npm run check` (src/checks/) inside Astro, so that the build and
 * the preview say exactly what the check says:
 *
 * - `astro build`: the checks run on another thread while Astro reads the entries, and the
 *   build waits for them before it builds anything; their lines go to the terminal as
 *   `npm run check` prints them, and any error stops the build. When Astro cannot read an entry
 *   (YAML, schema), the build stops with the checks' lines rather than Astro's first error.
 * - `astro dev`: the checks run at start and again whenever an entry is saved, added or
 *   removed; the lines go to the terminal, and while there is an error every request for the
 *   site is answered with them (entry-error-answer.ts): a browser gets Astro's error overlay
 *   showing them, with the first problem's file and line, any other client the lines (a dev-server
 *   middleware that runs before Astro routes the request, so no page code runs on a broken
 *   entry). When the entry is fixed, the open page reloads by itself, once Astro has stored the
 *   fixed entry (content-store-saved.ts).
 */
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContentInWorker } from '../checks/check-in-worker.ts';
import { formatProblem, formatReport, formatSummary } from '../checks/format.ts';
import { contentFolder } from '../lib/content-folder.ts';
import { contentStoreFile, writtenSince } from './content-store-saved.ts';
import { answerWithEntryError, isViteRequest } from './entry-error-answer.ts';
import type { CheckResult } from '../checks/index.ts';

export interface EntryChecksOptions {
  /** The content folder. Default: the collections' (src/lib/content-folder.ts). */
  contentDir?: string;
}

interface EntryChecksState {
  result?: CheckResult;
  root: string;
}

/** The error that stops a build, or that the preview shows, carrying the printed lines. */
export class EntryCheckError extends Error {
  /** Where the first problem is, for Astro's error overlay. */
  loc?: { file: string; line?: number; column?: number };
  hint: string;
  constructor(result: CheckResult, root: string, hint = 'Fix the entry and save it: the page comes back by itself. `npm run check` prints the same list; EDITING.md explains each message.') {
    const errors = result.problems.filter((p) => p.severity === 'error');
    super(`The entries have ${errors.length === 1 ? 'an error' : `${errors.length} errors`}:\n${result.problems.map(formatProblem).join('\n')}`);
    this.name = 'EntryCheckError';
    /** The heading of Astro's error overlay. */
    (this as { title?: string }).title = errors.length === 1 ? 'An entry needs fixing' : 'Entries need fixing';
    this.hint = hint;
    const first = errors[0];
    if (first?.line !== undefined) this.loc = { file: resolve(root, first.file), line: first.line, column: first.column };
  }
}

/** A Vite plugin that appends `code` to src/content.config.ts, where `collections` is in scope. */
function appendToContentConfig(name: string, code: string) {
  return {
    name,
    enforce: 'post' as const,
    transform(source: string, id: string) {
      if (!/[\\/]content\.config\.[cm]?[jt]s$/.test(id.split('?')[0])) return undefined;
      return { code: `${source}${code}`, map: null };
    },
  };
}

/**
 * Preview only: Astro's content layer stops `astro dev` from starting at all when an entry's
 * frontmatter is not valid YAML or breaks its collection's schema. In the preview the entry
 * checks report such an entry instead (in the terminal and on every page), so each collection
 * is made to keep an invalid entry as written (its data, or no data when the YAML cannot be
 * read) rather than throw; the middleware keeps every page from rendering while the checks find
 * an error, and the entry is read again when it is saved. The build keeps the collections
 * strict (see stopWithChecksWhenReadingFails).
 */
function previewTolerantSchemas() {
  const tolerate = `
;for (const __collection of Object.values(typeof collections === 'object' && collections ? collections : {})) {
  if (!__collection || typeof __collection !== 'object') continue;
  const __schema = __collection.schema;
  if (__schema && typeof __schema.catch === 'function') __collection.schema = __schema.catch((ctx) => ctx.value);
  const __loader = __collection.loader;
  if (__loader && typeof __loader === 'object' && typeof __loader.load === 'function') {
    __collection.loader = {
      ...__loader,
      load: (context) => {
        if (!(context.entryTypes instanceof Map)) return __loader.load(context);
        const entryTypes = new Map([...context.entryTypes].map(([ext, type]) => [ext, Object.assign(Object.create(type), {
          async getEntryInfo(params) {
            try {
              return await type.getEntryInfo(params);
            } catch {
              return { data: {}, body: '', slug: undefined, rawData: '' };
            }
          },
        })]));
        return __loader.load({ ...context, entryTypes });
      },
    };
  }
}`;
  return appendToContentConfig('entry-checks:preview-tolerant-collections', tolerate);
}

/**
 * Build only: the checks run while Astro's content layer reads the entries. When the content
 * layer fails on an entry (its YAML or its schema), it waits for the checks, so that the build
 * stops with their lines (every problem, with file, line and field) rather than with the first
 * error Astro met; when the checks find nothing wrong, Astro's own error stands.
 */
const BUILD_VERDICT = Symbol.for('acftu-report.entry-checks-verdict');
function stopWithChecksWhenReadingFails() {
  const wrap = `
;{
  const __verdict = globalThis[Symbol.for(${JSON.stringify(BUILD_VERDICT.description)})];
  for (const __collection of Object.values(typeof __verdict === 'function' && typeof collections === 'object' && collections ? collections : {})) {
    const __loader = __collection && __collection.loader;
    if (!__loader || typeof __loader !== 'object' || typeof __loader.load !== 'function') continue;
    __collection.loader = {
      ...__loader,
      load: async (context) => {
        try {
          return await __loader.load(context);
        } catch (error) {
          await __verdict();
          throw error;
        }
      },
    };
  }
}`;
  return appendToContentConfig('entry-checks:stop-with-checks', wrap);
}

/** The event that tells an open overlay page that the entries are fixed. */
const FIXED_EVENT = 'entry-checks:fixed';
/** How long a fix waits for Astro to write its content store, when the store had nothing new to write. */
const STORE_WAIT_LIMIT_MS = 3000;

/** The error as Vite's overlay payload; Astro's dev server adds the code frame of `loc`. */
function overlayPayload(result: CheckResult, root: string) {
  const error = new EntryCheckError(result, root);
  const { name, message, hint } = error;
  const title = (error as { title?: string }).title;
  const loc = error.loc?.line === undefined ? undefined : { file: error.loc.file, line: error.loc.line, column: error.loc.column ?? 1 };
  // No stack frames: Astro would take the place of the error from them instead of `loc`.
  return { type: 'error' as const, err: { name, title, message, hint, loc, stack: `${name}: ${message}` } };
}

export default function entryChecks(options: EntryChecksOptions = {}): AstroIntegration {
  let root = process.cwd();
  let contentDir = '';
  // The preview runs the checks in this process; loaded only then (a build runs them in a worker).
  const run = async () => (await import('../checks/index.ts')).checkContent({ contentDir, root });
  const state: EntryChecksState = { root };
  /** Build: waits for the checks, prints their lines once, and rejects when they found an error. */
  let verdict: (() => Promise<void>) | undefined;

  return {
    name: 'entry-checks',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig }) => {
        root = fileURLToPath(config.root);
        contentDir = resolve(root, options.contentDir ?? contentFolder());
        state.root = root;
        if (command === 'build') {
          const checked = checkContentInWorker({ contentDir, root });
          // A failure is reported by verdict(), at the latest when the build starts.
          checked.catch(() => undefined);
          let settled: Promise<void> | undefined;
          verdict = () =>
            (settled ??= checked.then((result) => {
              if (result.problems.length) process.stderr.write(`${formatReport(result.problems, result.entries)}\n`);
              if (!result.errors) return;
              // The lines are printed above, exactly as `npm run check` prints them; the error only stops the build.
              const error = new EntryCheckError(result, root, 'Fix the entries listed above and build again; `npm run check` lists the same problems in seconds, and EDITING.md explains each message.');
              error.message = `${formatSummary(result)}: nothing was built`;
              error.stack = `${error.name}: ${error.message}`;
              throw error;
            }));
          (globalThis as Record<symbol, unknown>)[BUILD_VERDICT] = verdict;
          updateConfig({ vite: { plugins: [stopWithChecksWhenReadingFails()] } });
        } else if (command === 'dev') {
          state.result = await run();
          if (state.result.problems.length) process.stderr.write(`${formatReport(state.result.problems, state.result.entries)}\n`);
          updateConfig({ vite: { plugins: [previewTolerantSchemas()] } });
        }
      },

      // Nothing is built before the checks have passed.
      'astro:build:start': async () => {
        try {
          await verdict?.();
        } finally {
          delete (globalThis as Record<symbol, unknown>)[BUILD_VERDICT];
        }
      },

      'astro:server:setup': ({ server, logger }) => {
        const hot = server.environments?.client?.hot ?? server.hot;
        const inContent = (path: string) => path.startsWith(contentDir + sep) && /\.mdx?$/.test(path);

        // While an entry has an error, every request for the site gets the error instead (entry-error-answer.ts).
        server.middlewares.use((req, res, next) => {
          const result = state.result;
          if (!result?.errors || isViteRequest(req.url)) return next();
          // The page reloads itself when told the entries are fixed (see the connect handler below).
          const script = `import { createHotContext } from '/@vite/client'; createHotContext('/@entry-checks').on('${FIXED_EVENT}', () => location.reload());`;
          const title = result.errors === 1 ? 'An entry needs fixing' : 'Entries need fixing';
          answerWithEntryError(req, res, { title, report: formatReport(result.problems, result.entries), script });
        });
        // The page's Vite client shows the overlay when the error reaches it over its socket:
        // sent as each client connects, for as long as the error lasts. (Broadcast on purpose:
        // Astro's dev server adds the code frame to what goes through `hot.send`.)
        // A page served this overlay just before the fix can connect after the reload was sent
        // (Vite drops a reload while another page's socket is still closing): as it connects,
        // it is told the entries are fixed, and only the overlay page listens for that.
        hot.on('vite:client:connect', (_data: unknown, client?: { send(event: string): void }) => {
          if (state.result?.errors) hot.send(overlayPayload(state.result, root));
          else client?.send(FIXED_EVENT);
        });

        let timer: ReturnType<typeof setTimeout> | undefined;
        let changedAt = 0;
        let running = Promise.resolve();
        let printed = state.result ? formatReport(state.result.problems, state.result.entries) : '';

        const recheck = () => {
          running = running.then(async () => {
            try {
              const since = changedAt;
              const result = await run();
              // The fix is announced once Astro's pages render from the fixed entry (content-store-saved.ts).
              if (state.result?.errors && !result.errors) await writtenSince(contentStoreFile(root), since, STORE_WAIT_LIMIT_MS);
              state.result = result;
            } catch (error) {
              logger.error(`the entry checks failed to run: ${String(error)}`);
              return;
            }
            const report = formatReport(state.result.problems, state.result.entries);
            if (report !== printed) {
              process.stderr.write(`${report}\n`);
              printed = report;
              // Reload the open pages: they show the new problems, or the page again once fixed.
              hot.send({ type: 'full-reload', path: '*' });
            }
          });
        };
        const onFile = (path: string) => {
          if (!inContent(resolve(path))) return;
          changedAt = Date.now();
          clearTimeout(timer);
          timer = setTimeout(recheck, 80);
        };
        server.watcher.add(contentDir);
        server.watcher.on('add', onFile);
        server.watcher.on('change', onFile);
        server.watcher.on('unlink', onFile);
      },
    },
  };
}
