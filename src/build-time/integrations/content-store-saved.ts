/**
 * When the preview may announce that the entries are fixed.
 *
 * Astro's preview renders pages from its content store, which it writes to
 * `.astro/data-store.json` about half a second after its loaders have read a changed entry file
 * (and then drops its copy in memory); the dev server's watcher reports each write. A page
 * rendered between the checks passing and that write shows the entry as it was before the fix
 * (or no entry, when it could not be read as the preview started). So the preview announces the
 * fix once the store has been written after the change that fixed it. When the store has nothing
 * new to write (the entry's data did not change), the write never comes: it waits no longer than
 * a limit.
 */
import { join, resolve } from 'node:path';

/** Where Astro's preview keeps its content store, under the project's root. */
export function contentStoreFile(root: string): string {
  return join(root, '.astro', 'data-store.json');
}

/** What the dev server's file watcher offers (Vite's chokidar watcher). */
interface Watcher {
  on(event: 'add' | 'change', listener: (path: string) => void): unknown;
}

export interface ContentStoreWrites {
  /** How many changes to entry files the watcher has reported so far. */
  changesSeen(): number;
  /** Resolves true once the store is written after the `change`-th change to an entry file, or false after `limitMs`. */
  writtenAfter(change: number, limitMs: number): Promise<boolean>;
}

/** Follows the changes to entry files (`isEntryFile`) and the writes of the store of the project at `root`. */
export function followContentStore(watcher: Watcher, root: string, isEntryFile: (path: string) => boolean): ContentStoreWrites {
  const store = contentStoreFile(root);
  let changes = 0;
  /** The number of changes seen before the last write. */
  let writtenAfterChanges = -1;
  const waiting = new Set<{ change: number; done: (written: boolean) => void }>();
  const onFile = (path: string) => {
    const file = resolve(path);
    if (file === store) {
      writtenAfterChanges = changes;
      for (const wait of waiting) if (wait.change <= writtenAfterChanges) wait.done(true);
    } else if (isEntryFile(file)) changes++;
  };
  watcher.on('add', onFile);
  watcher.on('change', onFile);
  return {
    changesSeen: () => changes,
    writtenAfter: (change, limitMs) =>
      new Promise((resolveWait) => {
        if (change <= writtenAfterChanges) return resolveWait(true);
        const wait = {
          change,
          done: (written: boolean) => {
            clearTimeout(limit);
            waiting.delete(wait);
            resolveWait(written);
          },
        };
        const limit = setTimeout(() => wait.done(false), limitMs);
        waiting.add(wait);
      }),
  };
}
