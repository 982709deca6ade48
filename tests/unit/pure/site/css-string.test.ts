import { describe, expect, it } from 'vitest';
import { cssString } from '../../../../src/pure/site/css-string.ts';

describe('cssString', () => {
  it('quotes text for a CSS content value, escaping what would end the string or the style element', () => {
    expect(cssString('全总党组巡视整改进展情况')).toBe('"全总党组巡视整改进展情况"');
    expect(cssString('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
    expect(cssString('一\n二')).toBe('"一\\a 二"');
    expect(cssString('</style><script>')).toBe('"\\3c /style>\\3c script>"');
  });
});
