/**
 * What a measure page says about its status is true: every phrase quoted in its status part
 * (the status line under the title and the 状态 row of its facts) is a phrase of that measure's
 * text; the definitions of the statuses, with their example wordings, stand apart in a legend;
 * where the text uses a legend's example wording of another status, the editors say why.
 */
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../support/report-vocabulary.ts';
import { readPage, select, selectAll, textOf } from '../support/built-site.ts';
import { readMeasureEntries } from '../support/entries.ts';

const entries = readMeasureEntries();
const pad = (n: number) => String(n).padStart(2, '0');

/** The elements of a measure page that state its status. */
function statusPart(page: Root): Element[] {
  const row = selectAll('.summary-list > div', page).find((div) => textOf(select('dt', div)) === '状态');
  return [select('.status-line', page)!, ...(row ? [row] : [])];
}

/** The phrases an element quotes: in “…”, in 「…」 and in <q>. The editors' notes on corrections quote their own reading and are left out. */
function quotedPhrases(el: Element): string[] {
  const copy = structuredClone(el);
  const dropNotes = (e: Element) => {
    e.children = e.children.filter((c) => c.type !== 'element' || !String(c.properties.className ?? '').includes('correction-note'));
    e.children.forEach((c) => c.type === 'element' && dropNotes(c));
  };
  dropNotes(copy);
  const text = textOf(copy);
  const quoted = [...text.matchAll(/“([^”]*)”|「([^」]*)」/g)].map((m) => m[1] ?? m[2]);
  return [...quoted, ...selectAll('q', copy).map((q) => textOf(q))];
}

describe.each(entries.map((e) => [e.data.number, e] as const))('measure (%i)', (number, entry) => {
  const page = readPage(`/measures/${pad(number)}/`);
  const text = selectAll('.measure-text > p', page)
    .map((p) => textOf(p))
    .join('\n');

  it('quotes in its status part only phrases of its own text', () => {
    const quoted = statusPart(page).flatMap(quotedPhrases);
    // The status line quotes at least the words that justify the status.
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.filter((q) => !text.includes(q))).toEqual([]);
  });

  it('shows the status and the editors’ reason, if any, as theirs', () => {
    const line = textOf(select('.status-line', page));
    expect(textOf(select('.status-line .tag', page))).toBe(entry.data.status);
    expect(line).toContain('编者判断');
    if (entry.data.statusReason) expect(textOf(select('.status-line .editorial', page))).toMatch(/^编者说明：/);
  });

  it('says why it has its status where its text uses a word the legend gives as an example of another status', () => {
    const others = STATUSES.filter((s) => s.label !== entry.data.status);
    const examples = others.flatMap((s) => [...s.definition.matchAll(/“([^”]+)”/g)].map((m) => m[1]));
    const used = examples.filter((w) => text.includes(w));
    if (used.length === 0) return;
    const reason = textOf(select('.status-line .editorial', page));
    for (const word of used) expect(reason, `“${word}”`).toContain(word);
  });

  it('has the legend of every status apart from its status part', () => {
    const legend = select('#status-legend', page)!;
    expect(selectAll('dt', legend).map((dt) => textOf(dt))).toEqual(STATUSES.map((s) => s.label));
    expect(selectAll('dd', legend).map((dd) => textOf(dd))).toEqual(STATUSES.map((s) => s.definition));
    for (const el of statusPart(page)) expect(select('#status-legend', el)).toBeFalsy();
    expect(select('.status-line a[href="#status-legend"]', page)).toBeTruthy();
  });
});
