/**
 * Build time only: hands the texts from the build of texts.json (src/pages/measures/texts.json.ts)
 * to the Pagefind integration (src/integrations/pagefind.ts), which then indexes them in
 * Pagefind's own process while Astro goes on writing the other pages, instead of after all of
 * them (at 5000 measures, indexing takes as long as writing every page). Outside a build nobody
 * receives them, and nothing happens. The two sides are loaded apart (the route through Vite, the
 * integration with the config), so they meet on globalThis.
 */
import type { SearchTexts } from './texts.ts';

const TEXTS_RECEIVER = Symbol.for('acftu-report.search-texts-receiver');
type TextsReceiver = (texts: SearchTexts) => void;
const shared = globalThis as typeof globalThis & { [TEXTS_RECEIVER]?: TextsReceiver };

export function offerSearchTexts(texts: SearchTexts): void {
  shared[TEXTS_RECEIVER]?.(texts);
}

/** The Pagefind integration's side: receive the texts when they are built (undefined: stop receiving). */
export function receiveSearchTexts(receiver: TextsReceiver | undefined): void {
  shared[TEXTS_RECEIVER] = receiver;
}
