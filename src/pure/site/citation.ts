/**
 * How a reader cites a measure, and how they report an error in it: one line of plain text
 * (who, what, which measure, where in the source, the address, the edition) and a link built
 * from the address the publication's settings give. Pure: the pages pass the settings in.
 */

export interface CitationParts {
  /** Who reports: `某区市场监督管理局（区市场监管局）`. */
  reporter: string;
  /** The publication's title as the site gives it. */
  title: string;
  /** The part of the publication the site holds: `报告第4版`, `报告全文`. */
  part: string;
  /** The measure: `（14）做好…宣传 works〔编者注：疑为“宣传工作”〕`. */
  measure: string;
  /** Where its text is printed: `第22、23、24段`. */
  paragraphs: readonly number[];
  /** The measure page's address (siteAddress, src/pure/site/site-paths.ts). */
  address: string;
  /** The date of this edition of the site as the pages write dates: `2026年12月7日`. */
  edition: string;
}

/**
 * `某区市场监督管理局（区市场监管局）：区市场监管局巡察整改情况（报告第4版），（14）做好…，原文第22、23、24段。
 * https://…/measures/14/（本站2026年12月7日版）`
 */
export function citationText(c: CitationParts): string {
  return `${c.reporter}：${c.title}（${c.part}），${c.measure}，原文第${c.paragraphs.join('、')}段。${c.address}（本站${c.edition}版）`;
}

/**
 * Where a reader reports an error in a measure: the publication's address, a mail address given
 * the subject and the page's address to start the message with, or a web page as it is.
 */
export function errorReportHref(reportErrorsTo: string, subject: string, address: string): string {
  if (!reportErrorsTo.startsWith('mailto:')) return reportErrorsTo;
  const query = `subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(`${address}\n\n`)}`;
  return `${reportErrorsTo}${reportErrorsTo.includes('?') ? '&' : '?'}${query}`;
}
