/**
 * Runs the entry checks of `npm run check` (src/build-time/checks/) inside Astro, so that the build and
 * the preview say exactly what the check says:
 *
 * - `astro build`: the checks run on a thread of their own while Astro reads the entries, and
 *   the build waits for them before it builds anything; their lines go to the terminal as
 *   `npm run check` prints them, and any error stops the build. When Astro cannot read an entry
 *   (YAML, schema), the build stops with the checks' lines rather than Astro's first error
 *   (checked-loader.ts).
 * - `astro dev`: the checks run on a thread of their own, as the preview starts and again
 *   whenever an entry is saved, added or removed (only the files that changed are checked
 *   again); the lines go to the terminal, and while there is an error every request for the
 *   site is answered with them (entry-error-answer.ts): a browser gets Astro's error overlay
 *   showing them, with the first problem's file and line, any other client the lines (a
 *   dev-server middleware that runs before Astro routes the request, so no page code runs on a
 *   broken entry; until the first check is done, requests wait for it). When the entry is fixed,
 *   the open page reloads by itself, once Astro has stored the fixed entry
 *   (content-store-saved.ts). An entry Astro cannot read does not keep the preview from starting
 *   (checked-loader.ts).
 */
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { startCheckerThread, type CheckerThread } from '../checks/check-in-worker.ts';
import { formatReport } from '../../pure/problems/format.ts';
import { contentFolder } from '../settings/content-folder.ts';
import { followContentStore } from './content-store-saved.ts';
import { EntryCheckError, stopBuildOnErrors } from './entry-check-error.ts';
import { answerWithEntryError, isViteRequest } from './entry-error-answer.ts';
import type { CheckResult } from '../checks/index.ts';

export interface EntryChecksOptions {
  /** The content folder. Default: the collections' (src/build-time/settings/content-folder.ts). */
  contentDir?: string;
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

/** The lines of a check, as `npm run check` prints them. */
const reportOf = (result: CheckResult) => formatReport(result.problems, result.entries);

export default function entryChecks(options: EntryChecksOptions = {}): AstroIntegration {
  let root = process.cwd();
  let contentDir = '';
  /** The preview's checks, and the result of the last one (undefined until the first is done, or when it failed to run). */
  let checker: CheckerThread | undefined;
  let checked: Promise<CheckResult | undefined> = Promise.resolve(undefined);
  let result: CheckResult | undefined;
  /** The build's checks, begun as the build starts. */
  let buildChecks: Promise<CheckResult> | undefined;
  /** The preview's watching of the whole content folder, begun as the server starts. */
  let watchContent: (() => void) | undefined;

  return {
    name: 'entry-checks',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        root = fileURLToPath(config.root);
        contentDir = resolve(root, options.contentDir ?? contentFolder());
        if (command === 'build') {
          const thread = startCheckerThread({ contentDir, root });
          buildChecks = thread.check().finally(() => thread.close());
          // A failure is reported when the build starts.
          buildChecks.catch(() => undefined);
        } else if (command === 'dev') {
          checker = startCheckerThread({ contentDir, root });
          checked = checker.check().then(
            (first) => {
              if (first.problems.length) process.stderr.write(`${reportOf(first)}\n`);
              return (result = first);
            },
            (error: unknown) => {
              logger.error(`the entry checks failed to run: ${String(error)}`);
              return undefined;
            },
          );
        }
      },

      // Nothing is built before the checks have passed.
      'astro:build:start': async () => {
        if (buildChecks) stopBuildOnErrors(await buildChecks, root);
      },

      'astro:server:setup': ({ server, logger }) => {
        const hot = server.environments?.client?.hot ?? server.hot;
        const isEntryFile = (path: string) => path.startsWith(contentDir + sep) && /\.mdx?$/.test(path);
        const store = followContentStore(server.watcher, root, isEntryFile);

        // While an entry has an error, every request for the site gets the error instead (entry-error-answer.ts).
        server.middlewares.use((req, res, next) => {
          if (isViteRequest(req.url)) return next();
          void checked.then(() => {
            if (!result?.errors) return next();
            // The page reloads itself when told the entries are fixed (see the connect handler below).
            const script = `import { createHotContext } from '/@vite/client'; createHotContext('/@entry-checks').on('${FIXED_EVENT}', () => location.reload());`;
            const title = result.errors === 1 ? 'An entry needs fixing' : 'Entries need fixing';
            answerWithEntryError(req, res, { title, report: reportOf(result), script });
          });
        });
        // The page's Vite client shows the overlay when the error reaches it over its socket:
        // sent as each client connects, for as long as the error lasts. (Broadcast on purpose:
        // Astro's dev server adds the code frame to what goes through `hot.send`.)
        // A page served this overlay just before the fix can connect after the reload was sent
        // (Vite drops a reload while another page's socket is still closing): as it connects,
        // it is told the entries are fixed, and only the overlay page listens for that.
        hot.on('vite:client:connect', (_data: unknown, client?: { send(event: string): void }) => {
          void checked.then(() => {
            if (result?.errors) hot.send(overlayPayload(result, root));
            else client?.send(FIXED_EVENT);
          });
        });

        let timer: ReturnType<typeof setTimeout> | undefined;
        const recheck = () => {
          checked = checked.then(async (before) => {
            const change = store.changesSeen();
            let after: CheckResult;
            try {
              after = await checker!.check();
            } catch (error) {
              logger.error(`the entry checks failed to run: ${String(error)}`);
              return before;
            }
            // The fix is announced once Astro's pages render from the fixed entry (content-store-saved.ts).
            if (before?.errors && !after.errors) await store.writtenAfter(change, STORE_WAIT_LIMIT_MS);
            result = after;
            if (!before || reportOf(before) !== reportOf(after)) {
              process.stderr.write(`${reportOf(after)}\n`);
              // Reload the open pages: they show the new problems, or the page again once fixed.
              hot.send({ type: 'full-reload', path: '*' });
            }
            return after;
          });
        };
        // Any file of the content folder: the entries, and the report's settings they are checked against.
        const onFile = (path: string) => {
          if (!resolve(path).startsWith(contentDir + sep)) return;
          clearTimeout(timer);
          timer = setTimeout(recheck, 80);
        };
        server.watcher.on('add', onFile);
        server.watcher.on('change', onFile);
        server.watcher.on('unlink', onFile);
        watchContent = () => server.watcher.add(contentDir);
      },

      // The whole content folder is watched from the server's start, once Astro has read the
      // entries and its loaders watch their own folders: watched from setup, while they add
      // theirs, it cost the start far more (docs/performance.md, the editors' loop). A collection
      // that could not be read as the preview started is watched from here on (checked-loader.ts).
      'astro:server:start': () => watchContent?.(),

      'astro:server:done': async () => {
        await checker?.close();
      },
    },
  };
}
