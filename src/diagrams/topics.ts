/**
 * The measures grouped by topic, as a diagram: each topic on the left, its measures on the
 * right, each measure labelled with its whole title and its status in words (and tinted by it)
 * and linking to its page. A measure is drawn under its first topic only, so the picture stays
 * readable. Too wide for a phone at any layout: the topics page lists the same.
 */
import { statusInfo, type StatusLabel, type TopicLabel } from '../model/vocabulary.ts';
import type { MeasureLink } from '../lib/report.ts';
import { wrapLabel } from './wrap-label.ts';

/** Characters a line of a measure's box holds: the whole title is drawn, on as many lines as it takes. */
const LINE_WIDTH = 24;
/** Beyond this many boxes a diagram is no longer readable (nor quick to draw); the lists say it all. */
export const MOST_MEASURES_DRAWN = 60;
const quote = (s: string) => s.replaceAll('"', '#quot;');

/** Tints of the status tags (light theme); the label carries the status in words as well. */
const FILLS: Record<StatusLabel, string> = { 已完成: '#cce2d8', 推进中: '#bbd4ea', 计划中: '#fff7bf', 持续推进: '#e9d7f2' };

export function topicsDiagram(groups: { label: TopicLabel; measures: MeasureLink[] }[], href: (n: number) => string): string {
  const lines = [
    'flowchart LR',
    '  accTitle: 按主题分组的整改措施',
    `  accDescr: ${groups.map((g) => `${g.label}${g.measures.length}项`).join('，')}；每项标出进展状态，并链接到该项措施。`,
  ];
  groups.forEach((group, i) => {
    lines.push(`  t${i}["${quote(group.label)}"]:::topic`);
    for (const m of group.measures) {
      const label = [...wrapLabel(`（${m.number}）${m.title}`, LINE_WIDTH), `〔${m.status}〕`].map(quote).join('<br/>');
      lines.push(`  t${i} --> m${m.number}["${label}"]:::${statusInfo(m.status).slug}`);
    }
  });
  for (const group of groups) for (const m of group.measures) lines.push(`  click m${m.number} href "${href(m.number)}"`);
  lines.push('  classDef topic font-weight:bold;');
  for (const [label, fill] of Object.entries(FILLS) as [StatusLabel, string][]) {
    lines.push(`  classDef ${statusInfo(label).slug} fill:${fill},stroke:#484949,color:#0b0c0c;`);
  }
  return lines.join('\n');
}
