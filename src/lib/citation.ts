/**
 * How a reader cites a measure, and how they report an error in it: one line of plain text
 * (who, what, which measure, where in the source, the address, the edition) and a link built
 * from the address the publication's settings give. Pure: the pages pass the settings in.
 */

export interface CitationParts {
  /** Who reports: `中华全国总工会党组（全总党组）`. */
  reporter: string;
  /** The publication's title as the site gives it. */
  title: string;
  /** The part of the publication the site holds: `报告第2版`. */
  part: string;
  /** The measure: `（14）做好…宣传 works〔编者注：疑为“宣传工作”〕`. */
  measure: string;
  /** Where its text is printed: `第22、23、24段`. */
  paragraphs: readonly number[];
  /** The measure page's address (pageAddress). */
  address: string;
  /** The date of this edition of the site as the pages write dates: `2026年12月7日`. */
  edition: string;
}

/**
 * `中华全国总工会党组（全总党组）：全总党组巡视整改进展情况（报告第2版），（14）做好…，原文第22、23、24段。
 * https://…/measures/14/（本站2026年12月7日版）`
 */
export function citationText(c: CitationParts): string {
  return `${c.reporter}：${c.title}（${c.part}），${c.measure}，原文第${c.paragraphs.join('、')}段。${c.address}（本站${c.edition}版）`;
}

/**
 * A page's address as a citation gives it: absolute when the site has an address of its own,
 * else the site path, never an address that is not the site's.
 */
export const pageAddress = (pathname: string, site: URL | undefined): string => (site ? new URL(pathname, site).href : pathname);

/**
 * Where a reader reports an error in a measure: the publication's address, a mail address given
 * the subject and the page's address to start the message with, or a web page as it is.
 */
export function errorReportHref(reportErrorsTo: string, subject: string, address: string): string {
  if (!reportErrorsTo.startsWith('mailto:')) return reportErrorsTo;
  const query = `subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(`${address}\n\n`)}`;
  return `${reportErrorsTo}${reportErrorsTo.includes('?') ? '&' : '?'}${query}`;
}
