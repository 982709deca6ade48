import { describe, expect, it } from 'vitest';
import { dateText } from '../../../../src/build-time/site/publication-text.ts';

describe('dateText', () => {
  it('writes a YYYY-MM-DD date the way the pages write dates, whatever the machine’s time zone', () => {
    expect(dateText('2020-09-30')).toBe('2020年9月30日');
    expect(dateText('2026-01-01')).toBe('2026年1月1日');
  });
});
