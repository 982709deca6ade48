/**
 * How a build's search documents reach the integration that publishes the index
 * (src/build-time/integrations/search-index.ts). Only the pages' code can read Astro's content
 * (astro:content), and it runs in a module graph of its own (Astro's prerender bundle), apart
 * from the integrations: the two sides meet on a named channel of Node's (BroadcastChannel, which
 * delivers to every other listener of the name in the process, on any thread), not on a module
 * or a global they share.
 */
import { BroadcastChannel } from 'node:worker_threads';
import type { IndexInput } from './build-index.ts';

const CHANNEL = 'report-search-documents';

/** The pages' side: hands the documents to whoever listens (delivered later, never lost once a listener exists). */
export function handOverDocuments(input: IndexInput): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(input);
  channel.close();
}

/** The integration's side: calls `receive` with each hand-over until the returned function is called. */
export function listenForDocuments(receive: (input: IndexInput) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event) => receive((event as { data: IndexInput }).data);
  // Listening never keeps the process alive: the build ends it.
  channel.unref();
  return () => channel.close();
}
