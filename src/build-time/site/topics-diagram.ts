/**
 * The measures grouped by topic, as a diagram: each topic on the left, its measures on the
 * right, each measure labelled with its whole title and its status in words (and tinted by it)
 * and linking to its page. A measure is drawn under its first topic only, so the picture stays
 * readable. Too wide for a phone at any layout: the topics page lists the same.
 */
import type { TagColour } from '../../pure/model/settings-schema.ts';
import { statuses, statusOf } from '../settings/vocabularies.ts';
import type { MeasureLink } from './report.ts';
import { measureLabel } from '../../pure/model/measure-number.ts';
import { wrapLabel } from '../../pure/diagrams/wrap-label.ts';

/** Characters a line of a measure's box holds: the whole title is drawn, on as many lines as it takes. */
const LINE_WIDTH = 24;
/** Beyond this many boxes a diagram is no longer readable (nor quick to draw); the lists say it all. */
export const MOST_MEASURES_DRAWN = 60;
const quote = (s: string) => s.replaceAll('"', '#quot;');

/** Tints of the status tags (light theme, src/styles/report.css); the label carries the status in words as well. */
export const FILLS: Record<TagColour, string> = { green: '#cce2d8', blue: '#bbd4ea', yellow: '#fff7bf', purple: '#e9d7f2', grey: '#e5e6e7', red: '#f4cdc6' };

export function topicsDiagram(groups: { label: string; measures: MeasureLink[] }[], href: (n: number) => string): string {
  const lines = [
    'flowchart LR',
    '  accTitle: 按主题分组的整改措施',
    `  accDescr: ${groups.map((g) => `${g.label}${g.measures.length}项`).join('，')}；每项标出进展状态，并链接到该项措施。`,
  ];
  groups.forEach((group, i) => {
    lines.push(`  t${i}["${quote(group.label)}"]:::topic`);
    for (const m of group.measures) {
      const label = [...wrapLabel(`${measureLabel(m.number)}${m.title}`, LINE_WIDTH), `〔${m.status}〕`].map(quote).join('<br/>');
      lines.push(`  t${i} --> m${m.number}["${label}"]:::${statusOf(m.status).slug}`);
    }
  });
  for (const group of groups) for (const m of group.measures) lines.push(`  click m${m.number} href "${href(m.number)}"`);
  lines.push('  classDef topic font-weight:bold;');
  for (const status of statuses()) lines.push(`  classDef ${status.slug} fill:${FILLS[status.colour]},stroke:#484949,color:#0b0c0c;`);
  return lines.join('\n');
}
