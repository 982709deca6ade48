/**
 * Whether each ```mermaid block of an entry parses, with mermaid's own parser, in Node: mermaid
 * needs a DOM only for its HTML sanitizer (DOMPurify), which takes the window it finds when it
 * is first imported, so a small DOM (linkedom: a quarter of jsdom's start-up time) is lent to
 * the import and taken back straight after; no browser starts. Mermaid and the DOM are loaded
 * only when some entry has a diagram.
 */
import type { Entry } from './load-entries.ts';
import type { BodyBlock } from './markdown.ts';
import { once } from '../lib/once.ts';
import { problemAt, type Problem } from './problem.ts';

type Parse = (text: string) => Promise<unknown>;

/** mermaid's parser, loaded once, when the first entry with a diagram is checked. */
const parser = once(async (): Promise<Parse> => {
  const { parseHTML } = await import('linkedom');
  const g = globalThis as Record<string, unknown>;
  const had = { window: g.window, document: g.document };
  const dom = parseHTML('<!doctype html><html><body></body></html>');
  g.window = dom.window;
  g.document = dom.document;
  try {
    const mermaid = (await import('mermaid')).default;
    mermaid.initialize({ startOnLoad: false });
    return (text) => mermaid.parse(text);
  } finally {
    // Other code in this process (Astro, Vite) decides "am I in a browser?" by `window`.
    for (const key of ['window', 'document'] as const) {
      if (had[key] === undefined) delete g[key];
      else g[key] = had[key];
    }
  }
});

interface JisonError {
  message: string;
  hash?: { token?: string | number; loc?: { first_line: number; first_column: number }; line?: number; expected?: string[] };
}

const ENDS = new Set(['EOF', '1', 'NEWLINE', 'EOF_IN_STRUCT']);

/** Where in the diagram mermaid stopped (1-based line and column), and why, in one line. */
function diagnose(error: unknown, code: string): { line: number; column: number; reason: string } {
  const e = error as JisonError & { name?: string };
  const message = String(e?.message ?? error);
  if (e?.hash?.loc) {
    const expected = (e.hash.expected ?? []).map((x) => x.replace(/^'|'$/g, ''));
    const shownExpected = expected.length > 6 ? `${expected.slice(0, 6).join(', ')} …` : expected.join(', ');
    const token = String(e.hash.token ?? '');
    const got = ENDS.has(token) ? (token === 'NEWLINE' ? 'the end of the line' : 'the end of the diagram') : token;
    return { line: e.hash.loc.first_line, column: e.hash.loc.first_column + 1, reason: `mermaid expected ${shownExpected} but found ${got}` };
  }
  const langium = /line (\d+), column (\d+): (.*)$/m.exec(message);
  if (langium) return { line: Number(langium[1]), column: Number(langium[2]), reason: langium[3].replace(/\.$/, '') };
  if (e?.name === 'UnknownDiagramError' || /No diagram type detected/.test(message)) {
    const first = code.split('\n').find((l) => l.trim()) ?? '';
    return { line: 1, column: 1, reason: `${JSON.stringify(first.trim())} is not a mermaid diagram type (such as flowchart TD, sequenceDiagram, pie)` };
  }
  return { line: 1, column: 1, reason: message.split('\n')[0] };
}

export async function mermaidProblems(entry: Entry, blocks: BodyBlock[]): Promise<Problem[]> {
  if (blocks.length === 0) return [];
  const parse = await parser();
  const problems: Problem[] = [];
  for (const block of blocks) {
    try {
      await parse(block.code);
    } catch (error) {
      const { line, column, reason } = diagnose(error, block.code);
      const lineText = (block.code.split('\n')[line - 1] ?? '').trim();
      const found = JSON.stringify(lineText.length > 40 ? `${lineText.slice(0, 40)}…` : lineText);
      // The diagram's first line is the one after the fence.
      problems.push(
        problemAt(entry.file, { line: block.place.line + line, column: block.place.column - 1 + column }, {
          field: 'mermaid',
          found,
          expected: 'a diagram mermaid can read',
          message: reason.startsWith('"') ? `${reason}; expected a diagram mermaid can read` : `${found} does not parse: ${reason}`,
        }),
      );
    }
  }
  return problems;
}
