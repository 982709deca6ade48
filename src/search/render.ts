/**
 * The pieces both search UIs draw: a measure's link, its status tag, a passage with the query's
 * words marked. Built with DOM calls (never innerHTML), so no text can become markup.
 */
import { passage, type PreparedDoc } from './engine.ts';
import type { ExactIndex } from './engine.ts';

type Children = (Node | string | null | undefined | false)[];

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Children): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') el.className = value;
    else el.setAttribute(name, value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** `（12）`, as the site prints a measure's number. */
export const measureLabel = (n: number) => `（${n}）`;

export function statusTag(index: ExactIndex, doc: PreparedDoc): HTMLElement {
  const status = index.statuses[doc.status];
  return h('strong', { class: `tag tag--${status.slug}` }, status.label);
}

/**
 * A link to the measure that, in browsers with text fragments, scrolls to the first match and
 * highlights it (`#:~:text=`); other browsers open the page at its top.
 */
export function measureHref(doc: PreparedDoc, match?: string): string {
  if (!match) return doc.url;
  const encoded = encodeURIComponent(match).replace(/-/g, '%2D');
  return `${doc.url}#:~:text=${encoded}`;
}

/** The passage of `doc` around `terms`, with each occurrence in a <mark>. */
export function passageElement(doc: PreparedDoc, terms: readonly string[], length?: number): { element: HTMLElement; firstMatch?: string } {
  const p = passage(doc, terms, length);
  const element = h('p', { class: 'search-passage' });
  if (p.cutStart) element.append('…');
  for (const s of p.segments) element.append(s.mark ? h('mark', {}, s.text) : s.text);
  if (p.cutEnd) element.append('…');
  return { element, firstMatch: p.firstMatch };
}

/** `“建会”` or `“建会”“入会”`: the reader's words, quoted, for messages. */
export const quoted = (words: readonly string[]) => words.map((w) => `“${w}”`).join('');
