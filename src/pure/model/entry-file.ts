/**
 * How an entry file is laid out: a line `---`, the frontmatter (YAML), a line `---`, then the
 * body. The one reader of that layout for the entry checks, the links between entries, the
 * importer and the synthetic reports.
 *
 * Astro reads the same files with a looser rule (the frontmatter ends at the first line that
 * starts with `---`, whatever follows on it): where the two would read a file differently, the
 * file is refused (`strayDashes`), so that the body the checks read is always the body Astro
 * renders — no text can be frontmatter to one and body to the other.
 */

export interface EntryFileParts {
  /** The frontmatter's YAML, between the two lines `---`. */
  frontmatter: string;
  /** The text after the closing line `---`. */
  body: string;
  /** Where the body starts in the text (an offset), and on which line (1-based). */
  bodyOffset: number;
  bodyLine: number;
}

export type EntryFileLayout =
  | { parts: EntryFileParts }
  /** The text does not open with a line `---`, or has no closing line `---`. */
  | { missing: 'opening' | 'closing' }
  /** A line of the frontmatter (1-based) starts with `---` but is not the closing line. */
  | { strayDashes: number };

/** The frontmatter always starts on the line after the opening `---`. */
export const FRONTMATTER_LINE = 2;

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*(?:\r?\n|$)/m;

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** Splits an entry's text (without a byte-order mark) into frontmatter and body. */
export function splitEntryFile(text: string): EntryFileLayout {
  const opening = OPENING.exec(text);
  if (!opening) return { missing: 'opening' };
  const start = opening[0].length;
  const closing = CLOSING.exec(text.slice(start));
  // Where Astro ends the frontmatter: the first line after the opening one that starts with ---.
  const astroEnd = text.indexOf('\n---', 3) + 1;
  if (!closing) return astroEnd > 0 ? { strayDashes: lineAt(text, astroEnd) } : { missing: 'closing' };
  const end = start + closing.index;
  if (astroEnd !== end) return { strayDashes: lineAt(text, astroEnd) };
  const bodyOffset = end + closing[0].length;
  return { parts: { frontmatter: text.slice(start, end), body: text.slice(bodyOffset), bodyOffset, bodyLine: lineAt(text, bodyOffset) } };
}

/** The text with LF line endings: what is hashed or compared, so that a checkout with CRLF (Windows) changes nothing. */
export const withLf = (text: string): string => text.replace(/\r\n?/g, '\n');
