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
 * route through Vite, the integrations with the config), so they meet on globalThis; an offer
 * made before the receiver is there waits for it.
 */
import type { MeasureReading } from '../checks/index.ts';
import type { SearchTexts } from './texts.ts';

interface Mailbox<T> {
  receiver?: (offer: T) => void;
  waiting?: T;
}
const READINGS = Symbol.for('acftu-report.measure-readings');
const RENDERED = Symbol.for('acftu-report.search-texts');
const shared = globalThis as typeof globalThis & { [READINGS]?: Mailbox<readonly MeasureReading[]>; [RENDERED]?: Mailbox<SearchTexts> };

function offer<T>(key: typeof READINGS | typeof RENDERED, value: T): void {
  const box = (shared[key] ??= {}) as Mailbox<T>;
  if (box.receiver) box.receiver(value);
  else box.waiting = value;
}

function receive<T>(key: typeof READINGS | typeof RENDERED, receiver: ((value: T) => void) | undefined): void {
  const box = (shared[key] ??= {}) as Mailbox<T>;
  box.receiver = receiver;
  const waiting = box.waiting;
  box.waiting = undefined;
  if (receiver && waiting !== undefined) receiver(waiting);
}

export const offerMeasureReadings = (measures: readonly MeasureReading[]) => offer(READINGS, measures);
export const offerSearchTexts = (texts: SearchTexts) => offer(RENDERED, texts);

/** The Pagefind integration's side (undefined: stop receiving, and forget what was offered). */
export const receiveMeasureReadings = (receiver: ((measures: readonly MeasureReading[]) => void) | undefined) => receive(READINGS, receiver);
export const receiveSearchTexts = (receiver: ((texts: SearchTexts) => void) | undefined) => receive(RENDERED, receiver);
