/**
 * The tag colours a status may take (TAG_COLOURS): the stylesheet gives each a pair of tints in
 * light and in dark mode that reads at 4.5:1 or more (WCAG AA), and the topics diagram fills a
 * box with the same light tint as the tag.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILLS } from '../../../../src/build-time/site/topics-diagram.ts';
import { TAG_COLOURS } from '../../../../src/pure/model/settings-schema.ts';
import { ROOT } from '../../../support/paths.ts';

const css = readFileSync(join(ROOT, 'src/styles/report.css'), 'utf8');
const dark = css.slice(css.indexOf('prefers-color-scheme: dark'));
const light = css.slice(0, css.indexOf('prefers-color-scheme: dark'));

const tint = (block: string, name: string) => /#[0-9a-f]{6}/i.exec(new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(block)?.[1] ?? '')?.[0];

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe.each(TAG_COLOURS.map((c) => [c]))('the tag colour %s', (colour) => {
  it('has a class and reads at 4.5:1 or more in light and in dark mode', () => {
    expect(css).toContain(`.tag--${colour} { background: var(--${colour}-bg); color: var(--${colour}-fg); }`);
    for (const block of [light, dark]) {
      const [bg, fg] = [tint(block, `${colour}-bg`), tint(block, `${colour}-fg`)];
      expect(bg && fg, colour).toBeTruthy();
      expect(contrast(bg!, fg!)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('fills the topics diagram with the light tint of its tag', () => {
    expect(FILLS[colour].toLowerCase()).toBe(tint(light, `${colour}-bg`)!.toLowerCase());
  });
});
