/**
 * remark plugin: marks each passage the editors corrected (the entry's `corrections`) where it
 * stands in the text, linking it to the editorial note. The source's own words stay as printed;
 * the mark only says that an editor has a remark on them.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { correctionRemark } from '../../pure/text/corrected-text.ts';
import type { Correction } from '../../pure/model/schema.ts';
import { correctionInTextId, correctionNoteId } from '../../pure/site/anchors.ts';
import { frontmatterOf, markPhrases } from './mark-phrases.ts';

export interface RemarkCorrectionMarksOptions {
  /** Class on the link, for styling. */
  className?: string;
}

export default function remarkCorrectionMarks(options: RemarkCorrectionMarksOptions = {}) {
  const className = options.className ?? 'correction';
  return (tree: Root, file: VFile) => {
    const corrections = frontmatterOf(file).corrections as Correction[] | undefined;
    if (!Array.isArray(corrections) || corrections.length === 0) return;
    const targets = corrections.map((c) => ({ ...c, phrase: c.original }));
    markPhrases(tree, targets, (correction, index, text) => ({
      type: 'link',
      url: `#${correctionNoteId(index)}`,
      title: correctionRemark(correction),
      data: { hProperties: { id: correctionInTextId(index), className: [className] } },
      children: [{ type: 'text', value: text }],
    }));
  };
}
