/**
 * The sanitizer every entry's HTML passes (rehype-sanitize with src/pure/rules/sanitize-schema.ts),
 * over its fixture folders: `input.html` must give exactly `output.html`. The hostile fixtures
 * must also hold nothing that runs (checked on the tree, not on the text): no `on…` attribute, no
 * address whose scheme is not http(s) or mailto once decoded, no script, no element that loads
 * another document. The site's own markup, and every drawing kept with the report, pass unchanged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import rehypeSanitize from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { entrySanitizeSchema } from '../../../../src/pure/rules/sanitize-schema.ts';
import { ROOT } from '../../../support/paths.ts';
import { executableMarkup } from '../../../support/executable-markup.ts';

const sanitize = (tree: Root) => rehypeSanitize(entrySanitizeSchema)(tree) as Root;
const dir = join(ROOT, 'tests/fixtures/sanitize-schema');

describe('the entries’ sanitizer', () => {
  it.each(readdirSync(dir))('%s', (fixture) => {
    const input = fromHtml(readFileSync(join(dir, fixture, 'input.html'), 'utf8'), { fragment: true });
    const output = sanitize(input);
    expect(toHtml(output).trim()).toBe(readFileSync(join(dir, fixture, 'output.html'), 'utf8').trim());
    expect(executableMarkup(output)).toEqual([]);
    if (fixture.startsWith('hostile')) expect(executableMarkup(input).length).toBeGreaterThan(5);
  });

  it('keeps the site’s own markup as it is', () => {
    const input = readFileSync(join(dir, 'site-markup/input.html'), 'utf8').trim();
    expect(toHtml(sanitize(fromHtml(input, { fragment: true })))).toBe(toHtml(fromHtml(input, { fragment: true })));
  });

  const kept = join(ROOT, 'content/diagrams');
  it.each(readdirSync(kept))('keeps the drawing %s, kept with the report, as it is', (name) => {
    const { svg } = JSON.parse(readFileSync(join(kept, name), 'utf8')) as { svg: string };
    const figure = fromHtml(`<figure class="diagram"><div class="diagram-theme diagram-theme--light">${svg}</div></figure>`, { fragment: true });
    const before = toHtml(figure);
    let elements = 0;
    visit(figure, 'element', (e: Element) => void (elements += e.tagName ? 1 : 0));
    expect(elements).toBeGreaterThan(20);
    expect(toHtml(sanitize(figure))).toBe(before);
  });
});
