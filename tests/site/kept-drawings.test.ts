/**
 * The drawings kept with the report (content/diagrams/) are exactly those the built site shows:
 * none missing (a build on another machine would draw it again, maybe differently, and need a
 * browser), none left over from a diagram since changed.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepDrawings } from '../../src/build-time/diagrams/kept-drawings.ts';
import { ROOT, TEST_RUN_DIR, TEST_SITE_DIR } from '../support/paths.ts';

describe('the drawings kept with the report', () => {
  it('are exactly the drawings the site shows', () => {
    // A cache that holds nothing: every drawing a page shows must come from the kept ones.
    const result = keepDrawings(TEST_SITE_DIR, { keptDir: join(ROOT, 'content/diagrams'), cacheDir: join(TEST_RUN_DIR, 'no-cache'), dryRun: true });
    const fix = 'npm run build && npm run diagrams:keep, then commit content/diagrams/';
    expect(result.missing.map((m) => `shown on ${m.page} but not kept (${fix})`)).toEqual([]);
    expect(result.removed.map((key) => `content/diagrams/${key}.json is shown by no page (${fix})`)).toEqual([]);
    // The home page, the topics page and measure 07 each show a diagram, in two themes; the
    // home page's and 07's also a drawing for phones (src/build-time/diagrams/diagram-figure.ts).
    expect(result.unchanged).toHaveLength(10);
  });
});
