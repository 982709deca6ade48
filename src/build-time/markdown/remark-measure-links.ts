/**
 * remark plugin: turns a link to another entry's file (`[（6）](06.md)`) into a link to that
 * measure's page (`/measures/06/`), keeping a heading anchor. A link to a missing entry or a
 * missing heading fails the build with the file and line of the link.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { brokenLinkReason, entryLinkTarget } from './measure-links.ts';
import { measurePath, withBase } from '../../pure/site/site-paths.ts';
import { placeInFile } from './file-position.ts';

export interface RemarkMeasureLinksOptions {
  /** The site's base path, e.g. `/` or `/report/`. */
  base?: string;
}

export default function remarkMeasureLinks(options: RemarkMeasureLinksOptions = {}) {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  return (tree: Root, file: VFile) => {
    if (!file.path) return;
    visit(tree, 'link', (node) => {
      const target = entryLinkTarget(file.path, node.url);
      if (!target) return;
      const broken = brokenLinkReason(target);
      if (broken) {
        file.fail(`link "${node.url}" ${broken}`, { place: placeInFile(file, node.position), ruleId: 'measure-link', source: 'remark-measure-links' });
      }
      const page = withBase(base, measurePath(target.number));
      node.url = target.fragment ? `${page}#${encodeURIComponent(target.fragment)}` : page;
    });
  };
}
