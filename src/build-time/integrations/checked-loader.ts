/**
 * A collection's loader whose failures the entry checks explain. Astro's glob() loader fails on
 * an entry whose frontmatter is not valid YAML or breaks the collection's schema, with the first
 * such error it meets; the entry checks (src/build-time/checks/, run by src/build-time/integrations/entry-checks.ts)
 * say every problem of every entry, with file, line and field.
 *
 * - Build (no watcher): the checks run beside Astro's reading (entry-checks.ts); when the loader
 *   fails first, the checks are run here and the build stops with their lines, or with Astro's
 *   error when they find nothing wrong.
 * - Preview: Astro stops `astro dev` from starting when a loader fails. The checks report such
 *   an entry instead (in the terminal, and on every page until it is fixed), so a collection that
 *   cannot be read as the preview starts is read again after each change to an entry file, until
 *   it loads; from then on the loader watches its files itself. Its error would only repeat the
 *   checks' lines, so it is not shown.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentFolder } from '../settings/content-folder.ts';
import { stopBuildOnErrors } from './entry-check-error.ts';

const ENTRY_FILE = /\.mdx?$/;

export function checkedLoader(loader: Loader): Loader {
  return { ...loader, load: (context) => (context.watcher ? loadInPreview(loader, context) : loadInBuild(loader, context)) };
}

async function loadInBuild(loader: Loader, context: LoaderContext): Promise<void> {
  try {
    await loader.load(context);
  } catch (error) {
    const root = fileURLToPath(context.config.root);
    // Loaded only here: the build's main thread does not load the checks when the entries read well.
    const { checkContent } = await import('../checks/index.ts');
    stopBuildOnErrors(await checkContent({ contentDir: resolve(root, contentFolder()), root }), root);
    throw error;
  }
}

async function loadInPreview(loader: Loader, context: LoaderContext): Promise<void> {
  const watcher = context.watcher!;
  let loaded = false;
  let loading = Promise.resolve();
  const tryToLoad = () =>
    (loading = loading.then(async () => {
      if (loaded) return;
      try {
        await loader.load(context);
        loaded = true;
        for (const event of ['add', 'change', 'unlink'] as const) watcher.off(event, onEntryFile);
      } catch {
        // Not yet: the entry checks say why.
      }
    }));
  const onEntryFile = (path: string) => {
    if (ENTRY_FILE.test(path)) void tryToLoad();
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onEntryFile);
  await tryToLoad();
}
