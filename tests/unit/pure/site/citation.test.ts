/** The citation line of a measure page and the report-an-error link, from their parts. */
import { describe, expect, it } from 'vitest';
import { citationText, errorReportHref } from '../../../../src/pure/site/citation.ts';

describe('citation', () => {
  it('says who, what, which measure, where in the source, where on the web and which edition, on one line', () => {
    const line = citationText({
      reporter: '中华全国总工会党组（全总党组）',
      title: '全总党组巡视整改进展情况',
      part: '报告第2版',
      measure: '（14）做好宣传 works〔编者注：疑为“宣传工作”〕',
      paragraphs: [22, 23, 24],
      address: 'https://example.org/measures/14/',
      edition: '2026年12月7日',
    });
    expect(line).toBe(
      '中华全国总工会党组（全总党组）：全总党组巡视整改进展情况（报告第2版），（14）做好宣传 works〔编者注：疑为“宣传工作”〕，原文第22、23、24段。https://example.org/measures/14/（本站2026年12月7日版）',
    );
    expect(line).not.toContain('\n');
  });
});

describe('errorReportHref', () => {
  it('gives a mail address the subject and the page', () => {
    const href = errorReportHref('mailto:editors@example.org', '（14）有误', 'https://example.org/measures/14/');
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.searchParams.get('subject')).toBe('（14）有误');
    expect(url.searchParams.get('body')).toBe('https://example.org/measures/14/\n\n');
    expect(errorReportHref('mailto:e@example.org?cc=x@example.org', 's', 'a')).toMatch(/^mailto:e@example\.org\?cc=x@example\.org&subject=s&body=/);
  });

  it('leaves a web page as it is', () => {
    expect(errorReportHref('https://example.org/report-error', 's', 'a')).toBe('https://example.org/report-error');
  });
});
