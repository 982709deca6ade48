/**
 * rehype plugin: shows the ASCII punctuation of Chinese text as Chinese punctuation
 * (src/pure/text/chinese-punctuation.ts) in the text nodes of the tree, leaving markup,
 * attributes, code and Latin text alone.
 *
 * A mark's neighbours may sit in another text node (`<data>1.2亿人</data>,` after a figure
 * mark), so the text of each run of inline content — a paragraph, a heading, a list item —
 * is mapped as one string and written back node by node; the mapping changes one character
 * for one, so every node keeps its length.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { chinesePunctuation } from '../../pure/text/chinese-punctuation.ts';

/** Inline elements: their text continues the text around them. */
const PHRASING = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'label',
  'mark',
  'q',
  'ruby',
  'rp',
  'rt',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'wbr',
]);
/** Elements whose text is not prose: neither changed nor read as a neighbour. */
const VERBATIM = new Set(['code', 'kbd', 'samp', 'pre', 'script', 'style', 'svg', 'math', 'textarea', 'template']);
/** MDX's inline JSX element (@astrojs/mdx hands rehype plugins its own node types). */
const MDX_INLINE = 'mdxJsxTextElement';

type Node = Root | RootContent | ElementContent;

function mapRun(run: Text[]) {
  if (run.length === 0) return;
  const mapped = chinesePunctuation(run.map((t) => t.value).join(''));
  let at = 0;
  for (const t of run) {
    t.value = mapped.slice(at, at + t.value.length);
    at += t.value.length;
  }
}

/** Maps every run of inline text under `tree`, in place. */
export function mapChinesePunctuation(tree: Root | Element) {
  let run: Text[] = [];
  const end = () => {
    mapRun(run);
    run = [];
  };
  const walk = (node: Node) => {
    if (node.type === 'text') {
      run.push(node);
      return;
    }
    const tag = node.type === 'element' ? node.tagName : undefined;
    if (tag && VERBATIM.has(tag)) return end();
    if (!('children' in node)) {
      // Comments, doctypes, MDX expressions: they stand between runs.
      if (node.type !== 'comment') end();
      return;
    }
    const inline = (tag !== undefined && PHRASING.has(tag)) || (node.type as string) === MDX_INLINE;
    if (!inline) end();
    for (const child of node.children as Node[]) walk(child);
    if (!inline) end();
  };
  walk(tree);
  end();
}

export default function rehypeChinesePunctuation() {
  return (tree: Root) => mapChinesePunctuation(tree);
}
