/**
 * Wraps exact phrases of a Markdown text in nodes of the caller's making, on the syntax tree,
 * leaving the text itself unchanged. The n-th occurrence of a phrase goes to the n-th target
 * that names it, so a phrase printed twice can be claimed by two different targets.
 */
import type { PhrasingContent, Root } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import { NUMBER_CHARACTER, startsWithDigit } from '../../pure/text/number-boundary.ts';

export interface PhraseTarget {
  phrase: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function markPhrases<T extends PhraseTarget>(
  tree: Root,
  targets: readonly T[],
  wrap: (target: T, index: number, text: string) => PhrasingContent,
): void {
  const byPhrase = new Map<string, number[]>();
  targets.forEach((t, i) => byPhrase.set(t.phrase, [...(byPhrase.get(t.phrase) ?? []), i]));
  if (!byPhrase.size) return;

  // Longest first, so `超过1.2亿人` is taken whole before any shorter phrase inside it; a phrase
  // that starts with a digit may not continue a longer number (src/pure/text/number-boundary.ts).
  const alternatives = [...byPhrase.keys()]
    .sort((a, b) => b.length - a.length)
    .map((p) => (startsWithDigit(p) ? `(?<!${NUMBER_CHARACTER.source})${escapeRegExp(p)}` : escapeRegExp(p)));
  const pattern = new RegExp(alternatives.join('|'), 'gu');
  const seen = new Map<string, number>();

  findAndReplace(
    tree,
    [
      pattern,
      (match: string) => {
        const occurrence = seen.get(match) ?? 0;
        seen.set(match, occurrence + 1);
        const index = byPhrase.get(match)?.[occurrence];
        return index === undefined ? false : wrap(targets[index], index, match);
      },
    ],
    { ignore: ['link', 'linkReference', 'inlineCode', 'code'] },
  );
}

/** The frontmatter Astro hands to remark plugins on `file.data.astro.frontmatter`. */
export function frontmatterOf(file: { data: Record<string, unknown> }): Record<string, unknown> {
  const astro = file.data.astro as { frontmatter?: Record<string, unknown> } | undefined;
  return astro?.frontmatter ?? {};
}
