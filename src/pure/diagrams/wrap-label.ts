/**
 * A label broken into lines for a diagram box, at word boundaries (Intl.Segmenter's Chinese
 * dictionary), never cut short: mermaid's SVG labels do not wrap by themselves, and a title cut
 * at a fixed length with "…" ended mid-word. As clreq asks, no line starts with a closing
 * punctuation mark and none ends with an opening one.
 */
const words = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const OPENING = /^[（《“‘「『【〔(［[]+$/u;
const length = (s: string) => [...s].length;

/** The lines of `text`, each at most `width` characters unless a punctuation mark or a longer word must stay on it. */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const { segment, isWordLike } of words.segment(text)) {
    const closing = !isWordLike && segment.trim() !== '' && !OPENING.test(segment);
    if (line && !closing && !OPENING.test(line) && length(line) + length(segment) > width) {
      // An opening mark at the end of the line goes with the word it opens.
      const opening = /[（《“‘「『【〔(［[]+$/u.exec(line)?.[0] ?? '';
      lines.push(line.slice(0, line.length - opening.length));
      line = opening;
    }
    line += segment;
  }
  if (line) lines.push(line);
  return lines;
}
