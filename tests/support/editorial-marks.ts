/**
 * Finding, on a built page, the editorial judgements it shows (statuses, topics, related
 * measures, figure labels, corrections) and whether the page says that the editors made them.
 *
 * What a page shows is found from the entries (every status and topic of the vocabulary, every
 * label and correction the entries hold), not from the pages' code: an element whose whole text
 * is one of them. A page marks a kind when its main content (not the header or footer) has a
 * sentence that ties 编者 to the kind's name, as the pages do: （编者判断）, 状态由编者……判断,
 * 主题是编者……所作的分类, 说明为编者所加, 编者订正.
 */
import type { Element, Root } from 'hast';
import { STATUS_LABELS, TOPIC_LABELS } from './report-vocabulary.ts';
import type { Correction, Figure } from '../../src/pure/model/schema.ts';
import { select, selectAll, textOf } from './built-site.ts';

export type Kind = 'status' | 'topic' | 'related' | 'label' | 'correction';

/** The judgements of one report that the vocabulary does not hold. */
export interface Judgements {
  figures: Pick<Figure, 'unit' | 'label'>[];
  corrections: Correction[];
}

const MARKS: Record<Kind, RegExp> = {
  status: /状态[^。；]*编者|编者[^。；]*(判断|状态)/,
  topic: /(主题|分类)[^。；]*编者|编者[^。；]*(主题|分类)/,
  related: /相关[^。；]*编者|编者[^。；]*相关/,
  label: /(说明|名称)[^。；]*编者|编者所(拟|加)的?(说明|名称)/,
  correction: /编者[^。；]*订正|订正[^。；]*编者|编者注/,
};

/** Elements whose text is one run of prose: a sentence never runs across them. */
const BLOCKS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'td',
  'th',
  'caption',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'legend',
  'label',
  'summary',
  'title',
  'desc',
  'text',
]);

const squeeze = (s: string) => s.replace(/\s+/g, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const topicList = new RegExp(`^(?:${TOPIC_LABELS.join('|')})(?:、(?:${TOPIC_LABELS.join('|')}))*(?:（\\d+项）)?$`);

/** The sentences of an element's text, block by block, and of its title attributes. */
function sentences(main: Element): string[] {
  const innermost = selectAll('*', main).filter(
    (el) => BLOCKS.has(el.tagName) && !selectAll('*', el).some((inner) => inner !== el && BLOCKS.has(inner.tagName)),
  );
  // A title attribute is read too: the correction marks in a measure's text say 编者注 there.
  const titles = selectAll('[title]', main).map((el) => String(el.properties.title));
  return [...innermost.map((el) => squeeze(textOf(el))), ...titles].flatMap((text) => text.split(/(?<=[。；！？])/));
}

/** The editorial judgements the page's main content shows, by kind, with the texts showing them. */
export function shownJudgements(page: Root, { figures, corrections }: Judgements): Map<Kind, string[]> {
  const main = select('main', page);
  if (!main) return new Map();
  const labels = figures.flatMap((f) => (f.label ? [f.label, `${f.unit}${f.label}`] : []));
  const labelled = labels.map((l) => new RegExp(`^${escape(l)}(?:（\\d+）)?$`));
  // The summary lists' rows by the element holding the value: dt's text for each dd.
  const rowName = new Map<Element, string>();
  for (const div of selectAll('dl > div', main)) {
    const [dt, dd] = [select('dt', div), select('dd', div)];
    if (dt && dd) rowName.set(dd, squeeze(textOf(dt)));
  }
  const found = new Map<Kind, string[]>();
  const add = (kind: Kind, text: string) => found.set(kind, [...(found.get(kind) ?? []), text]);
  for (const el of selectAll('*', main)) {
    const text = squeeze(textOf(el));
    if (!text) continue;
    if ((STATUS_LABELS as readonly string[]).includes(text) || STATUS_LABELS.some((s) => text.includes(`〔${s}〕`))) add('status', text);
    if (topicList.test(text)) add('topic', text);
    if (labelled.some((l) => l.test(text))) add('label', text);
    if (corrections.some((c) => text.includes(`原文“${c.original}”`) && (!c.suggested || text.includes(`疑为“${c.suggested}”`)))) add('correction', text);
    if (rowName.get(el)?.startsWith('相关措施') || text === '（列为相关措施）') add('related', text);
  }
  return found;
}

/** The kinds of judgement a page shows without saying, in its main content, that the editors made them. */
export function unmarkedJudgements(page: Root, judgements: Judgements): string[] {
  const main = select('main', page);
  const shown = shownJudgements(page, judgements);
  if (!main) return [];
  const said = sentences(main).filter((s) => s.includes('编者'));
  return [...shown.keys()]
    .filter((kind) => !said.some((s) => MARKS[kind].test(s)))
    .map(
      (kind) =>
        `${kind}, shown as ${shown
          .get(kind)!
          .slice(0, 3)
          .map((t) => t.slice(0, 40))
          .join(' | ')}`,
    );
}
