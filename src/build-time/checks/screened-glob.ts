/**
 * Astro's glob() loader for a collection of entries, screened as the entry checks screen them
 * (entry-screen.ts), so that the build and the preview never read what the checks refuse unread,
 * and no frontmatter can exhaust the machine before the checks have said what is wrong:
 *
 * - files refused unread (a link out of the content folder, not a plain file, too large) are
 *   left out of the loader's pattern, so Astro never opens them;
 * - each file Astro reads (also one saved while the preview runs) is screened again before its
 *   frontmatter is parsed: a link out of the content folder, a text over the limit or a
 *   frontmatter with a YAML alias gives the entry no data and no text. The collection's schema
 *   then refuses it, and the checks' lines say why (src/build-time/integrations/entry-checks.ts).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { isEntryFileName } from '../../pure/model/collections.ts';
import { splitEntryFile } from '../../pure/model/entry-file.ts';
import { maxEntryBytes } from './limits.ts';
import { refusedUnread, yamlAliasAt, type ScreenOptions } from './entry-screen.ts';

export interface ScreenedGlobOptions {
  /** The collection's folder. */
  base: string;
  /** The entry files in it, as a glob. */
  pattern: string;
  /** The content folder, which an entry's file must really be in. */
  contentDir: string;
}

/** A file name as a glob that matches only it. */
const literalGlob = (name: string) => name.replace(/[\\*?[\]{}()!+@]/g, '\\$&');

interface EntryInfoParams {
  fileUrl: URL;
  contents: string;
}
interface EntryType {
  getEntryInfo(params: EntryInfoParams): unknown;
}

/** Whether what Astro read of a file must not be used: the checks say why. */
function refusedRead({ fileUrl, contents }: EntryInfoParams, screen: ScreenOptions): boolean {
  const path = fileURLToPath(fileUrl);
  if (refusedUnread(path, path, screen)) return true;
  if (Buffer.byteLength(contents) > screen.maxEntryBytes) return true;
  const layout = splitEntryFile(contents.replace(/^\uFEFF/, ''));
  return 'parts' in layout && yamlAliasAt(layout.parts.frontmatter) !== undefined;
}

export function screenedGlob(options: ScreenedGlobOptions): Loader {
  return {
    name: 'screened-glob',
    load: async (context) => {
      const screen: ScreenOptions = { contentDir: options.contentDir, maxEntryBytes: maxEntryBytes() };
      let names: string[] = [];
      try {
        names = readdirSync(options.base).filter(isEntryFileName);
      } catch {
        // No folder: glob() says so.
      }
      const unread = names.filter((name) => refusedUnread(join(options.base, name), name, screen));
      const loader = glob({ base: options.base, pattern: [options.pattern, ...unread.map((name) => `!${literalGlob(name)}`)] });
      // Astro hands its loaders the readers of each kind of entry file (Markdown, MDX): each is screened.
      const entryTypes = (context as { entryTypes?: unknown }).entryTypes;
      if (!(entryTypes instanceof Map)) return loader.load(context);
      const screened = new Map(
        [...(entryTypes as Map<string, EntryType>)].map(([extension, type]) => [
          extension,
          Object.assign(Object.create(type) as EntryType, {
            getEntryInfo: (params: EntryInfoParams) =>
              refusedRead(params, screen) ? { data: {}, body: '', slug: undefined, rawData: '' } : type.getEntryInfo(params),
          }),
        ]),
      );
      return loader.load({ ...context, entryTypes: screened } as typeof context);
    },
  };
}
