/**
 * What the preview answers while an entry has an error: every request that Astro would route to
 * a page or an endpoint gets the entries' error instead, whatever the client asks for, so that no
 * page code ever runs on a broken entry (a page rendered from it crashed, or came out empty).
 * A browser gets a page that shows the lines and opens Astro's error overlay with them; any other
 * client (curl, a feed reader, a fetch without `Accept: text/html`) gets the lines as text.
 * Vite's own requests (`/@vite/client`, `/@fs/…`, `/__…`, `/node_modules/…`) go on: the overlay
 * page needs them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';

export interface EntryErrorAnswer {
  /** The heading: `An entry needs fixing`, `Entries need fixing`. */
  title: string;
  /** The lines `npm run check` prints. */
  report: string;
  /** Module code the browser runs on the page (the overlay and its reload when fixed). */
  script: string;
}

/** Whether a request is Vite's own (its client, modules, dependencies), not one for the site. */
export const isViteRequest = (url: string | undefined) => /^\/(?:@|__|node_modules\/)/.test(url ?? '/');

/** Answers a request with the entries' error: an HTML page for a browser, plain text for any other client. */
export function answerWithEntryError(req: IncomingMessage, res: ServerResponse, answer: EntryErrorAnswer): void {
  const wantsHtml = (req.headers.accept ?? '').includes('text/html');
  const headers = { 'Cache-Control': 'no-store' };
  if (!wantsHtml) {
    res.writeHead(500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : `${answer.title}:\n${answer.report}\n`);
    return;
  }
  const page = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [
      h('head', [h('meta', { charset: 'utf-8' }), h('link', { rel: 'icon', href: 'data:,' }), h('title', answer.title)]),
      h('body', [h('h1', answer.title), h('pre', answer.report), h('script', { type: 'module' }, answer.script)]),
    ]),
  ]);
  res.writeHead(500, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
  res.end(req.method === 'HEAD' ? undefined : toHtml(page));
}
