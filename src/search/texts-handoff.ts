/**
 * Build time only: hands search texts to the Pagefind integration (src/integrations/pagefind.ts)
 * from the two places that know them, so that Pagefind (its own process) indexes while Astro
 * works instead of after it (at 5000 measures, indexing takes as long as writing every page):
 *
 * - the entry checks, which read every entry on another thread before Astro renders anything,
 *   offer the measures as read (offerMeasureReadings), and indexing starts from them;
 * - the build of texts.json (src/pages/measures/texts.json.ts) offers the texts as the pages
 *   render them (offerSearchTexts), which decide: the index is kept if they are the same.
 *
 * Outside a build nobody receives them, and nothing happens. The sides are loaded apart (the
 * route through Vite, the integrations with the config), so they meet on globalThis. The
 * measures read may come before the receiver is there, and wait for it; rendered texts go only
 * to a receiver that is there (the dev server renders texts.json for no index).
 */
import type { MeasureText } from './compose-texts.ts';
import type { SearchTexts } from './texts.ts';

interface Mailbox<T> {
  receiver?: (offer: T) => void;
  waiting?: T;
}
const READINGS = Symbol.for('acftu-report.measure-readings');
const RENDERED = Symbol.for('acftu-report.search-texts');
const shared = globalThis as typeof globalThis & { [READINGS]?: Mailbox<readonly MeasureText[]>; [RENDERED]?: Mailbox<SearchTexts> };

function offer<T>(key: typeof READINGS | typeof RENDERED, value: T, wait: boolean): void {
  const box = (shared[key] ??= {}) as Mailbox<T>;
  if (box.receiver) box.receiver(value);
  else if (wait) box.waiting = value;
}

function receive<T>(key: typeof READINGS | typeof RENDERED, receiver: ((value: T) => void) | undefined): void {
  const box = (shared[key] ??= {}) as Mailbox<T>;
  box.receiver = receiver;
  const waiting = box.waiting;
  box.waiting = undefined;
  if (receiver && waiting !== undefined) receiver(waiting);
}

export const offerMeasureReadings = (measures: readonly MeasureText[]) => offer(READINGS, measures, true);
export const offerSearchTexts = (texts: SearchTexts) => offer(RENDERED, texts, false);

/** The Pagefind integration's side (undefined: stop receiving, and forget what was offered). */
export const receiveMeasureReadings = (receiver: ((measures: readonly MeasureText[]) => void) | undefined) => receive(READINGS, receiver);
export const receiveSearchTexts = (receiver: ((texts: SearchTexts) => void) | undefined) => receive(RENDERED, receiver);
