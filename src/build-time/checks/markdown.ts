/**
 * The body of an entry as the site will read it: parsed as Markdown (GFM), or MDX for `.mdx`
 * files, so that the checks see the links, the diagrams and the text the site will show, and
 * so that a body the site cannot read is reported with its line instead of failing the build.
 */
import type { Code, Html, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { allowlistProblems, type BodyImage } from './entry-allowlist.ts';
import type { Entry } from './load-entries.ts';
import { problemAt, shown, type Place, type Problem } from '../../pure/problems/problem.ts';

/** What `npm run new` puts in a new entry's body, for the editor to replace with the text. */
export const BODY_PLACEHOLDER = '（此处写入本项措施的原文。）';

export interface BodyLink {
  url: string;
  place: Place;
}

export interface BodyBlock {
  code: string;
  /** Where the fence (```mermaid) stands in the file. */
  place: Place;
}

export interface ParsedBody {
  tree?: Root;
  /** The text a reader sees, block by block, one line each: what phrases are looked up in. */
  text: string;
  /** The links and link reference definitions whose address may be published. */
  links: BodyLink[];
  images: BodyImage[];
  mermaid: BodyBlock[];
  problems: Problem[];
}

interface MdxMessage {
  reason: string;
  line?: number;
  column?: number;
  place?: { line: number; column: number } | { start: { line: number; column: number } };
}

function isMdxMessage(error: unknown): error is MdxMessage {
  return typeof error === 'object' && error !== null && 'reason' in error && typeof (error as MdxMessage).reason === 'string';
}

function lineOf(text: string, line: number): string {
  const l = text.split(/\r?\n/)[line - 1] ?? '';
  return l.trim().length > 40 ? `${l.trim().slice(0, 40)}…` : l.trim();
}

function mdxProblem(entry: Entry, error: MdxMessage): Problem {
  // The message names the tag's place in the body (`(3:1-3:7)`): that is where to look.
  const tag = /\((\d+):(\d+)-\d+:\d+\)/.exec(error.reason);
  const start = error.place && 'start' in error.place ? error.place.start : error.place;
  const line = tag ? Number(tag[1]) : (start?.line ?? error.line ?? 1);
  const column = tag ? Number(tag[2]) : (start?.column ?? error.column ?? 1);
  const reason = error.reason.replace(/\s*\(\d+:\d+-\d+:\d+\)/, '').replace(/\.$/, '');
  const found = JSON.stringify(lineOf(entry.body, line));
  return problemAt(entry.file, entry.inBody(line, column), {
    field: 'mdx',
    found,
    expected: 'valid MDX',
    message: `${found} does not parse as MDX: ${reason}`,
  });
}

const place = (entry: Entry, node: Nodes): Place => entry.inBody(node.position?.start.line ?? 1, node.position?.start.column ?? 1);

/** The text of the blocks a reader sees, one per line, without the Markdown syntax. */
function readerText(tree: Root): string {
  const blocks: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      blocks.push(toString(node));
      return 'skip';
    }
    return undefined;
  });
  return blocks.join('\n');
}

/**
 * How the checks parse a body: Markdown as the site reads it (GFM), or MDX. Made once: a
 * processor's plugins set up its parser when it is frozen, which took a third of the time of
 * parsing a body when each body had a processor of its own.
 */
export const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();
export const mdxParser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).freeze();

export function parseBody(entry: Entry): ParsedBody {
  const problems: Problem[] = [];
  const links: BodyLink[] = [];
  const mermaid: BodyBlock[] = [];

  if (!entry.body.trim()) {
    problems.push(
      problemAt(
        entry.file,
        { line: entry.bodyLine, column: 1 },
        {
          field: 'body',
          found: 'nothing',
          expected: 'the text of the entry',
          message: 'is empty; expected the text of the entry, as printed in the source, after the closing line ---',
        },
      ),
    );
    return { text: '', links, images: [], mermaid, problems };
  }

  const processor = entry.mdx ? mdxParser : markdownParser;
  let tree: Root;
  try {
    tree = processor.parse(entry.body);
  } catch (error) {
    if (!isMdxMessage(error)) throw error;
    problems.push(mdxProblem(entry, error));
    return { text: entry.body, links, images: [], mermaid, problems };
  }

  const placeholder = entry.body.indexOf(BODY_PLACEHOLDER);
  if (placeholder >= 0) {
    const line = entry.body.slice(0, placeholder).split('\n').length;
    problems.push(
      problemAt(entry.file, entry.inBody(line, 1), {
        field: 'body',
        found: JSON.stringify(BODY_PLACEHOLDER),
        expected: 'the text of the entry',
        message: `still holds the placeholder ${JSON.stringify(BODY_PLACEHOLDER)}; expected the text of the entry in its place`,
        severity: 'warning',
      }),
    );
  }

  // What the entry may contain (src/pure/rules/): refused nodes, and the links and images to check further.
  const allowed = allowlistProblems(entry, tree);
  problems.push(...allowed.problems);
  links.push(...allowed.links);

  visit(tree, (node) => {
    if (node.type === 'code' && (node as Code).lang === 'mermaid') {
      mermaid.push({ code: (node as Code).value, place: place(entry, node) });
    } else if (node.type === 'html') {
      const html = (node as Html).value;
      const shownHtml = shown(html.length > 40 ? `${html.slice(0, 40)}…` : html);
      problems.push(
        problemAt(entry.file, place(entry, node), {
          field: 'html',
          found: shownHtml,
          expected: 'Markdown',
          message: `${shownHtml} will be shown as text, not as HTML; expected Markdown (raw HTML in an entry is escaped)`,
          severity: 'warning',
        }),
      );
    }
  });

  return { tree, text: readerText(tree), links, images: allowed.images, mermaid, problems };
}
