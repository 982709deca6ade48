/**
 * remark plugin: marks every figure of the entry's frontmatter where its phrase stands in the
 * text, as a link to the figure's row in the figures table, carrying the exact value in a
 * `<data>` element. The words of the text are not changed.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { normalisedValue } from '../../pure/text/figures.ts';
import type { Figure } from '../../pure/model/schema.ts';
import { figureInTextId, figureRowId } from '../../pure/site/anchors.ts';
import { frontmatterOf, markPhrases } from './mark-phrases.ts';

export interface RemarkFigureLinksOptions {
  /** Class on the link, for styling. */
  className?: string;
}

export default function remarkFigureLinks(options: RemarkFigureLinksOptions = {}) {
  const className = options.className ?? 'figure';
  return (tree: Root, file: VFile) => {
    const figures = frontmatterOf(file).figures as Figure[] | undefined;
    if (!Array.isArray(figures) || figures.length === 0) return;
    markPhrases(tree, figures, (figure, index, text) => ({
      type: 'link',
      url: `#${figureRowId(index)}`,
      data: { hProperties: { id: figureInTextId(index), className: [className] } },
      children: [
        {
          type: 'text',
          value: text,
          data: {
            hName: 'data',
            hProperties: { value: String(normalisedValue(figure)) },
            hChildren: [{ type: 'text', value: text }],
          },
        },
      ],
    }));
  };
}
