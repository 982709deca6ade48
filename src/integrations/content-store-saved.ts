/**
 * When the preview may announce that the entries are fixed.
 *
 * Astro's preview renders pages from its content store, which it writes to
 * `.astro/data-store.json` about half a second after its loaders have read a changed file (and
 * then drops its cached copy). A page rendered between the checks passing and that write shows
 * the entry as it was before the fix: with a broken value, the page crashes. So the preview waits
 * for the write. When the store had nothing new to write (the entry's data did not change, as
 * after mending YAML that Astro could not read), it waits no longer than `limitMs`.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';

/** Where Astro's preview keeps its content store, under the project's root. */
export function contentStoreFile(root: string): string {
  return join(root, '.astro', 'data-store.json');
}

/** Resolves once `file` was written at or after `since` (epoch ms), or after `limitMs`. */
export async function writtenSince(file: string, since: number, limitMs: number, everyMs = 25): Promise<boolean> {
  const until = Date.now() + limitMs;
  for (;;) {
    let written = 0;
    try {
      written = statSync(file).mtimeMs;
    } catch {
      // Not written yet.
    }
    if (written >= since) return true;
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
