/**
 * The pieces both search UIs draw for a result: where it stands, its status tag, a passage with
 * the query's words marked.
 */
import type { Fragment, SearchManifest } from '../pure/index-format.ts';
import { passage, prepareText } from '../pure/passage.ts';
import type { Match } from '../pure/search.ts';
import { h } from './dom.ts';

export function statusTag(manifest: SearchManifest, match: Match): HTMLElement | null {
  const status = manifest.statuses[match.record.status];
  return status ? h('strong', { class: `tag tag--${status.slug}` }, status.label) : null;
}

/**
 * A link that, in browsers with text fragments, scrolls to the first match and highlights it
 * (`#:~:text=`); other browsers open the page (or its paragraph) as usual.
 */
export function resultHref(fragment: Fragment, match?: string): string {
  if (!match) return fragment.url;
  const encoded = encodeURIComponent(match).replace(/-/g, '%2D');
  // A URL may have one fragment: the directive follows the element id when there is one.
  return `${fragment.url}${fragment.url.includes('#') ? '' : '#'}:~:text=${encoded}`;
}

/** The result's name: its label and title (`（12）推动…`), or, for a source paragraph, its label. */
export function resultTitle(fragment: Fragment): (Node | string)[] {
  return fragment.title ? [h('span', { class: 'number' }, fragment.label), fragment.title] : [fragment.label];
}

/** The passage of a result around `terms`, each occurrence in a <mark>. */
export function passageElement(fragment: Fragment, terms: readonly string[], length?: number): { element: HTMLElement; firstMatch?: string } {
  const p = passage(prepareText(fragment), terms, length);
  const element = h('p', { class: 'search-passage' });
  if (p.cutStart) element.append('…');
  for (const s of p.segments) element.append(s.mark ? h('mark', {}, s.text) : s.text);
  if (p.cutEnd) element.append('…');
  return { element, firstMatch: p.firstMatch };
}

/** `“建会”` or `“建会”“入会”`: the reader's words, quoted, for messages. */
export const quoted = (words: readonly string[]) => words.map((w) => `“${w}”`).join('');

/** The query's words a partial match holds. */
export const heldWords = (match: Match, terms: readonly string[]) => terms.filter((_, i) => match.held[i]);

/** What holds the query, by kind: `12项措施`, `3项措施、1段引言`. */
export function holdersText(matches: readonly Match[]): string {
  const count = (kind: Match['kind']) => matches.filter((m) => m.kind === kind).length;
  const parts = [
    count('measure') ? `${count('measure')}项措施` : '',
    count('section') ? `${count('section')}段引言` : '',
    count('source') ? `${count('source')}段原文` : '',
  ].filter(Boolean);
  return parts.join('、');
}
