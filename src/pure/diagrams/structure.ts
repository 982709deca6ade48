/**
 * The structure of the rectification as a diagram, drawn from the introductory section's own
 * figures: the figures named in one sentence form one chain, in the order the sentence gives
 * them (4个主要方面 → 12个问题 → 31个具体表现 → 64项整改任务).
 */
import { formatAsWritten } from '../text/figures.ts';
import { figureInTextId } from '../site/anchors.ts';
import type { Figure } from '../model/schema.ts';

const quote = (s: string) => s.replaceAll('"', '#quot;');

export function structureDiagram(figures: Figure[], text: string, title: string): string | undefined {
  const sentences = text.split('。');
  const chains: { figure: Figure; index: number }[][] = sentences.map(() => []);
  let sentence = 0;
  let offset = 0;
  figures.forEach((figure, index) => {
    // Figures are listed in text order, so each is found at or after the previous one.
    while (sentence < sentences.length && !sentences[sentence].includes(figure.phrase, sentence === sentences.length ? 0 : offset)) {
      sentence++;
      offset = 0;
    }
    if (sentence === sentences.length || !figure.label) return;
    offset = sentences[sentence].indexOf(figure.phrase, offset) + figure.phrase.length;
    chains[sentence].push({ figure, index });
  });
  const drawn = chains.filter((c) => c.length > 1);
  if (!drawn.length) return undefined;

  const lines = [
    'flowchart LR',
    `  accTitle: ${title}`,
    `  accDescr: ${drawn.map((c) => c.map(({ figure }) => `${formatAsWritten(figure)}${figure.unit}${figure.label}`).join('，')).join('；')}`,
  ];
  for (const chain of drawn) {
    lines.push(
      `  ${chain.map(({ figure, index }) => `f${index}["${quote(`${formatAsWritten(figure)}${figure.unit}`)}<br/>${quote(figure.label!)}"]`).join(' --> ')}`,
    );
  }
  for (const chain of drawn) for (const { index } of chain) lines.push(`  click f${index} href "#${figureInTextId(index)}"`);
  lines.push('  classDef figure font-size:16px;');
  return lines.join('\n');
}
