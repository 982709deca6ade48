/**
 * What a ```mermaid block of an entry may say, and whether it parses. A diagram is drawn into
 * the page, so what would make the drawing act or look beyond the site is refused at its line:
 * `click`, `href`, `call`/`callback` and `link`/`links` statements (links and code run from a
 * drawing), mermaid's directives and settings (`%%{init: …}%%`, a `---` settings block: they
 * change how it draws, CSS included) and `style`, `classDef`, `linkStyle` (CSS of the editor's;
 * the site gives every diagram its colours, light and dark). Then whether each block parses, with mermaid's own parser, in Node: mermaid
 * needs a DOM only for its HTML sanitizer (DOMPurify), which takes the window it finds when it
 * is first imported, so a small DOM (linkedom: a quarter of jsdom's start-up time) is lent to
 * the import and taken back straight after; no browser starts. Mermaid and the DOM are loaded
 * only when some entry has a diagram.
 */
import type { Entry } from './load-entries.ts';
import type { BodyBlock } from './markdown.ts';
import { once } from '../../pure/once.ts';
import { problemAt, type Problem } from '../../pure/problems/problem.ts';

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

/** Statements refused in an entry's diagram, by their first word, and why. */
const REFUSED_STATEMENTS: Record<string, string> = {
  click: 'a click line makes the drawing a link or runs code',
  href: 'a link in a drawing leads off the page',
  call: 'a callback runs code',
  callback: 'a callback runs code',
  link: 'a link in a drawing leads off the page',
  links: 'a link in a drawing leads off the page',
  style: 'the site gives every diagram its colours, light and dark',
  classdef: 'the site gives every diagram its colours, light and dark',
  linkstyle: 'the site gives every diagram its colours, light and dark',
};

/**
 * The refused statements of a diagram, at their line and column: a statement starts a line, or
 * follows a `;` (flowcharts put several on a line). A `;` inside a label may make a label's
 * words look like a statement: refused all the same, which errs on the safe side.
 */
function refusedStatements(entry: Entry, block: BodyBlock): Problem[] {
  const problems: Problem[] = [];
  const lines = block.code.split(/\r?\n/);
  lines.forEach((lineText, index) => {
    const at = (column: number) => ({ line: block.place.line + 1 + index, column: block.place.column + column });
    const found = JSON.stringify(lineText.trim().length > 40 ? `${lineText.trim().slice(0, 40)}…` : lineText.trim());
    const refuse = (column: number, why: string) =>
      problems.push(
        problemAt(entry.file, at(column), {
          field: 'mermaid',
          found,
          expected: 'a diagram of nodes, edges and labels',
          message: `${found} is not allowed in an entry's diagram: ${why}; expected nodes, edges, labels, accTitle and accDescr`,
        }),
      );
    if (index === 0 && /^\s*---/.test(lineText)) return refuse(lineText.indexOf('-'), 'a settings block changes how mermaid draws');
    const directive = lineText.indexOf('%%{');
    if (directive >= 0) return refuse(directive, 'a directive changes how mermaid draws');
    if (/\$link\b/i.test(lineText)) return refuse(lineText.search(/\$link/i), 'a link in a drawing leads off the page');
    let offset = 0;
    for (const statement of lineText.split(';')) {
      const word = /^\s*([A-Za-z]+)/.exec(statement);
      const why = word ? REFUSED_STATEMENTS[word[1].toLowerCase()] : undefined;
      if (why && word) return refuse(offset + statement.indexOf(word[1]), why);
      offset += statement.length + 1;
    }
    return undefined;
  });
  return problems;
}

export async function mermaidProblems(entry: Entry, blocks: BodyBlock[]): Promise<Problem[]> {
  if (blocks.length === 0) return [];
  const problems: Problem[] = blocks.flatMap((block) => refusedStatements(entry, block));
  const parse = await parser();
  for (const block of blocks) {
    try {
      await parse(block.code);
    } catch (error) {
      const { line, column, reason } = diagnose(error, block.code);
      const lineText = (block.code.split('\n')[line - 1] ?? '').trim();
      const found = JSON.stringify(lineText.length > 40 ? `${lineText.slice(0, 40)}…` : lineText);
      // The diagram's first line is the one after the fence.
      problems.push(
        problemAt(
          entry.file,
          { line: block.place.line + line, column: block.place.column - 1 + column },
          {
            field: 'mermaid',
            found,
            expected: 'a diagram mermaid can read',
            message: reason.startsWith('"') ? `${reason}; expected a diagram mermaid can read` : `${found} does not parse: ${reason}`,
          },
        ),
      );
    }
  }
  return problems;
}
