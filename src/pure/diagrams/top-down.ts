/**
 * A chain of boxes drawn across a page does not fit a phone: the same flowchart drawn top-down
 * does. topDown() gives the code of that drawing, for a flowchart laid out left to right (LR) or
 * right to left (RL); nothing for any other diagram.
 */

/** The header line of a flowchart, `flowchart LR` or `graph RL`, with what precedes its direction. */
const ACROSS = /^(\s*(?:flowchart|graph)\s+)(?:LR|RL)(?=\s*(?:;|$))/;

/** Lines before the header that mermaid allows: blank lines, `%%` comments and directives. */
const BEFORE_HEADER = /^\s*(?:%%.*)?$/;

export function topDown(code: string): string | undefined {
  const lines = code.split('\n');
  const header = lines.findIndex((line) => !BEFORE_HEADER.test(line));
  if (header === -1 || !ACROSS.test(lines[header])) return undefined;
  lines[header] = lines[header].replace(ACROSS, '$1TB');
  return lines.join('\n');
}
