/**
 * remark plugin: turns each ```mermaid block of an entry into an inline SVG figure, rendered
 * when the site is built (light and dark), so readers get no mermaid JavaScript. A diagram
 * mermaid cannot read fails the build, naming the entry's file, the line in it and mermaid's
 * message.
 */
import type { Code, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { diagramFigure } from '../diagrams/diagram-figure.ts';
import { DiagramError, type RenderOptions } from '../diagrams/render-mermaid.ts';
import { placeInFile } from './file-position.ts';

export type RemarkMermaidDiagramsOptions = RenderOptions;

export default function remarkMermaidDiagrams(options: RemarkMermaidDiagramsOptions = {}) {
  return async (tree: Root, file: VFile) => {
    const blocks: { node: Code; parent: Parent }[] = [];
    visit(tree, 'code', (node, _index, parent) => {
      if (node.lang === 'mermaid' && parent) blocks.push({ node, parent });
    });
    if (blocks.length === 0) return;

    await Promise.all(
      blocks.map(async ({ node, parent }) => {
        try {
          const figure = await diagramFigure(node.value, options);
          // A node of its own kind, not the code block: mdast-util-to-hast would wrap a code
          // block's replacement in <pre>. An unknown node becomes exactly its hName element.
          const diagram = {
            type: 'mermaidDiagram',
            position: node.position,
            data: { hName: 'figure', hProperties: figure.properties, hChildren: figure.children },
          };
          parent.children.splice(parent.children.indexOf(node), 1, diagram as never);
        } catch (error) {
          if (!(error instanceof DiagramError)) throw error;
          // mermaid counts lines from the diagram's first line, which is one below the fence. At the
          // end of the diagram (a missing node, an open bracket) it names the line after the last.
          const lines = node.value.split('\n').length;
          const diagramLine = Math.min(Number(/on line (\d+)/.exec(error.message)?.[1] ?? 1), lines);
          const line = (node.position?.start.line ?? 0) + diagramLine;
          file.fail(`mermaid diagram cannot be drawn: ${error.message}`, {
            place: placeInFile(file, { line, column: 1 }),
            ruleId: 'mermaid',
            source: 'remark-mermaid-diagrams',
          });
        }
      }),
    );
  };
}
