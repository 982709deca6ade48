/**
 * The source's words outside an entry's text — titles, names, quotations, the source page — with
 * the editors' corrections marked; and the connections a measure page lists once each.
 */
import { describe, expect, it } from 'vitest';
import { correctedParts, correctionNote, textWithNotes } from '../../../../src/pure/text/corrected-text.ts';
import { correctionSpans, everyCorrectionSpan, piecesOf } from '../../../../src/pure/text/correction-spans.ts';
import { connectionNote, connectionsOf } from '../../../../src/pure/site/measure-connections.ts';
import { correctedPieces } from '../../../../src/pure/text/source-corrections.ts';
import type { Correction } from '../../../../src/pure/model/schema.ts';
import { realPage } from '../../../support/source-text.ts';

const works: Correction = { original: '宣传 works', suggested: '宣传工作', note: '混入英文词“works”，应为“工作”。' };
const twice = (note: string): Correction => ({ original: '总书记记', suggested: '总书记', note });

describe('correctedParts', () => {
  it('cuts a title at the corrected passage and notes it after', () => {
    const parts = correctedParts('做好2020年全国劳动模范和先进工作者表彰大会系列宣传 works', [works]);
    expect(parts).toEqual([
      { text: '做好2020年全国劳动模范和先进工作者表彰大会系列' },
      { text: '宣传 works', correction: { suggested: '宣传工作', note: works.note } },
    ]);
    expect(textWithNotes(parts)).toBe('做好2020年全国劳动模范和先进工作者表彰大会系列宣传 works〔编者注：疑为“宣传工作”〕');
  });

  it('shows the punctuation as the reading pages do, and finds a passage printed with ASCII marks', () => {
    const parts = correctedParts('组织编写《教学大纲(试行)》,以及讲义', [{ original: '大纲(试行)》,', suggested: '大纲（试行）》，', note: '例' }]);
    expect(parts.map((p) => p.text)).toEqual(['组织编写《教学', '大纲（试行）》，', '以及讲义']);
    expect(parts[1].correction).toBeTruthy();
  });

  it('marks every occurrence in a part of the text, and leaves a text without corrections whole', () => {
    expect(correctedParts('总书记记和总书记记', [twice('一'), twice('二')]).filter((p) => p.correction)).toHaveLength(2);
    expect(correctedParts('没有错字。', [works])).toEqual([{ text: '没有错字。' }]);
    expect(correctedParts('', [])).toEqual([{ text: '' }]);
  });

  it('says so when the editors cannot tell the right reading', () => {
    expect(correctionNote({ suggested: '' })).toBe('〔编者注：原文疑有误〕');
  });
});

describe('correction spans', () => {
  it('in a whole text give the n-th occurrence to the n-th correction naming it', () => {
    const spans = correctionSpans('甲总书记记乙总书记记', [twice('一'), twice('二')]);
    expect(spans.map((s) => [s.at, s.index])).toEqual([
      [1, 0],
      [6, 1],
    ]);
  });

  it('in a part of the text give every occurrence to the first correction naming it', () => {
    expect(everyCorrectionSpan('总书记记总书记记', [twice('一'), twice('二')]).map((s) => s.index)).toEqual([0, 0]);
  });

  it('keep the outer of two overlapping passages', () => {
    const spans = correctionSpans('加大大人文关怀', [
      { original: '大大', suggested: '大', note: '' },
      { original: '加大大人文关怀', suggested: '加大人文关怀', note: '' },
    ]);
    expect(spans.map((s) => s.correction.original)).toEqual(['加大大人文关怀']);
  });

  it('cut a stretch of the text that starts before a passage or ends inside it', () => {
    const [span] = correctionSpans('abc宣传 worksxyz', [works]);
    expect(piecesOf('c宣传 wo', [span], 2).map((p) => [p.text, Boolean(p.span)])).toEqual([
      ['c', false],
      ['宣传 wo', true],
    ]);
  });
});

describe('the source page’s corrected pieces', () => {
  it('mark (14)’s stray word in the printed paragraph that holds it, after its (14)', () => {
    const page = realPage();
    const pieces = correctedPieces(page, (n) => (n === 14 ? [works] : []));
    const marked = [...pieces].flatMap(([position, ps]) => ps.filter((p) => p.span).map((p) => [position, p.text]));
    expect(marked).toEqual([[22, '宣传 works']]);
    // The pieces are the printed line, word for word.
    expect(
      pieces
        .get(22)!
        .map((p) => p.text)
        .join(''),
    ).toBe(page.printed.find((p) => p.position === 22)!.text);
  });
});

describe('connections', () => {
  const m = (number: number) => ({ number });
  it('list each measure once, those related here first, and say how each is connected', () => {
    const connections = connectionsOf(
      [m(13), m(12)],
      [
        { measure: m(1), via: 'related' },
        { measure: m(12), via: 'link' },
        { measure: m(13), via: 'related' },
      ],
    );
    expect(connections.map((c) => [c.measure.number, connectionNote(c)])).toEqual([
      [13, '编者互列为相关措施'],
      [12, '编者列为相关措施；该项正文链接到本项'],
      [1, '编者在该项下列本项为相关措施'],
    ]);
  });
});
