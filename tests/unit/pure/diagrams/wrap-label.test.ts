import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../../../src/pure/diagrams/wrap-label.ts';

describe('wrapLabel', () => {
  it('breaks a title at word boundaries and keeps every character', () => {
    const title = '（8）推动解决国有企事业单位撤并工会组织和工会工作机构问题';
    const lines = wrapLabel(title, 12);
    expect(lines.join('')).toBe(title);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(12);
    // 工会 and 问题 are words: never split across lines.
    expect(lines.some((l) => l.endsWith('工') && !l.endsWith('工会'))).toBe(false);
  });

  it('starts no line with a closing mark and ends none with an opening one', () => {
    const lines = wrapLabel('切实履行全总牵头抓总、统筹协调职责（《工作方案》）', 8);
    expect(lines.join('')).toBe('切实履行全总牵头抓总、统筹协调职责（《工作方案》）');
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[、，。）》”]/);
    for (const line of lines.slice(0, -1)) expect(line).not.toMatch(/[（《“]$/);
  });

  it('leaves a short label on one line', () => {
    expect(wrapLabel('（5）推动落实', 18)).toEqual(['（5）推动落实']);
  });
});
