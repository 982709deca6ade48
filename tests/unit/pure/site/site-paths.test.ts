/** Where things are on the site: one home for joining a base path and for a page's address to the world. */
import { describe, expect, it } from 'vitest';
import { measureLabel } from '../../../../src/pure/model/measure-number.ts';
import { measurePath, siteAddress, withBase } from '../../../../src/pure/site/site-paths.ts';

describe('withBase', () => {
  it('puts a path under the base, with one slash between, whether or not either has its own', () => {
    expect(withBase('/', 'measures/07/')).toBe('/measures/07/');
    expect(withBase('/', '/measures/07/')).toBe('/measures/07/');
    expect(withBase('/report/', 'measures/07/')).toBe('/report/measures/07/');
    expect(withBase('/report', '/source/#p3')).toBe('/report/source/#p3');
    expect(withBase('/report', '')).toBe('/report/');
  });
});

describe('siteAddress', () => {
  it('gives the page an absolute address only when the site has one', () => {
    expect(siteAddress('/report/measures/14/', new URL('https://example.org'))).toBe('https://example.org/report/measures/14/');
    expect(siteAddress('/report/measures/14/', new URL('https://example.org/report/'))).toBe('https://example.org/report/measures/14/');
    expect(siteAddress('/measures/14/', undefined)).toBe('/measures/14/');
  });
});

describe('a measure', () => {
  it('is labelled in full-width brackets and addressed by its padded number', () => {
    expect(measureLabel(7)).toBe('（7）');
    expect(measurePath(7)).toBe('measures/07/');
    expect(measurePath(1000)).toBe('measures/1000/');
  });
});
