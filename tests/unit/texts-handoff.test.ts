/**
 * The hand-over of search texts to the Pagefind integration during a build
 * (src/search/texts-handoff.ts): the measures read by the checks may come before the integration
 * listens and wait for it; rendered texts go only to a listener that is there.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MeasureText } from '../../src/search/compose-texts.ts';
import { offerMeasureReadings, offerSearchTexts, receiveMeasureReadings, receiveSearchTexts } from '../../src/search/texts-handoff.ts';
import type { SearchTexts } from '../../src/search/texts.ts';

const readings: MeasureText[] = [{ data: { number: 1, title: '措施', status: '已完成', topics: [] }, text: '正文。' }];
const texts: SearchTexts = { format: 1, statuses: [], topics: [], docs: [] };

afterEach(() => {
  receiveMeasureReadings(undefined);
  receiveSearchTexts(undefined);
});

describe('the hand-over of search texts', () => {
  it('gives the measures read to the receiver, also when they came before it', () => {
    offerMeasureReadings(readings);
    const got: unknown[] = [];
    receiveMeasureReadings((m) => got.push(m));
    expect(got).toEqual([readings]);
    offerMeasureReadings(readings);
    expect(got).toHaveLength(2);
  });

  it('forgets the measures read when the receiver stops', () => {
    offerMeasureReadings(readings);
    receiveMeasureReadings(undefined);
    const got: unknown[] = [];
    receiveMeasureReadings((m) => got.push(m));
    expect(got).toEqual([]);
  });

  it('gives rendered texts only to a receiver that is there (the dev server renders texts.json for no index)', () => {
    offerSearchTexts(texts);
    const got: unknown[] = [];
    receiveSearchTexts((t) => got.push(t));
    expect(got).toEqual([]);
    offerSearchTexts(texts);
    expect(got).toEqual([texts]);
  });
});
