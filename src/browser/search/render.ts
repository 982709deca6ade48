/**
 * The pieces both search UIs draw for a result: where it stands, its status tag, a passage with
 * the query's words marked.
 */
import type { Fragment, SearchManifest } from '../../pure/search/index-format.ts';
import { passage, prepareText } from '../../pure/search/passage.ts';
import type { Ranked } from '../../pure/search/ranked.ts';
import type { Match } from '../../pure/search/search.ts';
import { h } from './dom.ts';

export function statusTag(manifest: SearchManifest, match: Match): HTMLElement | null {
  const status = manifest.statuses[match.record.status];
  return status ? h('strong', { class: `tag tag--${status.colour}` }, status.label) : null;
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

/**
 * How many places hold the reader's words, honestly: `12项措施包含“建会”`; while a long word's
 * possible places are not all read (ranked.ts), the fewest it can be and how many are left.
 */
export function countSummary(list: Ranked, words: string): string {
  const holders = holdersText(list.all);
  if (!list.unread.length) return holders ? `${holders}包含${words}` : `原文中没有${words}`;
  const left = `${list.unread.length}处尚未核对，显示到时再核对`;
  return holders ? `至少${holders}包含${words}（另有${left}）` : `可能包含${words}的${left}`;
}

/** The "more" button: `显示其余6项`, `再显示50项（还有120项）`, or, while places are left to read, `显示更多`. */
export function moreText(rest: number, complete: boolean, page: number): string {
  if (!complete) return '显示更多';
  return rest <= page ? `显示其余${rest}项` : `再显示${page}项（还有${rest}项）`;
}
