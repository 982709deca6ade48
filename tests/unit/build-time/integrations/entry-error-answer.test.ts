/**
 * The preview's answer while an entry is broken (src/build-time/integrations/entry-error-answer.ts): a
 * browser gets a page with the lines and the overlay's script, any other client the lines as text.
 */
import { createServer, type Server } from 'node:http';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerWithEntryError, isViteRequest } from '../../../../src/build-time/integrations/entry-error-answer.ts';

const REPORT = 'content/measures/12.md:4:9  status  "<已完>" is not one of 已完成\n1 error, 0 warnings in 32 entries';
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((req, res) => answerWithEntryError(req, res, { title: 'An entry needs fixing', report: REPORT, script: 'globalThis.fixed = 1;' }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

describe('the preview’s answer for a broken entry', () => {
  it('gives a browser a page that shows the lines, escaped, and runs the overlay script', async () => {
    const response = await fetch(`${origin}/measures/12/`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = fromHtml(await response.text());
    expect(toText(select('pre', page)!)).toBe(REPORT);
    expect(toText(select('title', page)!)).toBe('An entry needs fixing');
    expect(select('script[type=module]', page)?.children).toEqual([expect.objectContaining({ value: 'globalThis.fixed = 1;' })]);
    expect(select('pre *', page)).toBeUndefined();
  });

  it.each([undefined, '*/*', 'application/json', 'text/plain'])('gives any other client (Accept: %s) the lines as text', async (accept) => {
    const response = await fetch(`${origin}/`, { headers: accept ? { accept } : {} });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe(`An entry needs fixing:\n${REPORT}\n`);
  });

  it('answers HEAD with the status only', async () => {
    const response = await fetch(`${origin}/`, { method: 'HEAD' });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('');
  });

  it('lets Vite’s own requests through, and nothing else', () => {
    for (const url of ['/@vite/client', '/@fs/x/y.ts', '/__open-in-editor', '/node_modules/.vite/deps/x.js']) expect(isViteRequest(url), url).toBe(true);
    for (const url of ['/', '/measures/12/', '/measures/texts.json', '/src/pages/index.astro', '/_astro/x.js', '/%40vite/client'])
      expect(isViteRequest(url), url).toBe(false);
  });
});
