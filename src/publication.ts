/**
 * What the site says about the publication as a whole. The report's own title is printed on
 * page 1, which we do not have; the title below is the editors' description, and the pages
 * say so.
 */
export const PUBLICATION = {
  /** Editorial, descriptive title (the printed title is on the missing page 1). */
  title: '全总党组巡视整改进展情况',
  subtitle: '报告第2版全文',
  /** Who reports, and on what. */
  reporter: '中华全国总工会党组（全总党组）',
  subject: '中央第三巡视组巡视反馈意见的整改',
  year: 2020,
  /** The page of the newspaper printing that we have, of how many. */
  page: 2,
  pages: 3,
  missingPages: [1, 3],
  sourceFile: 'content/source/report-page2.txt',
  sourceSha256: 'f19288dc4519b8d15a5f6d53d45fc271b84041db0272995f64d9c40498a28e98',
} as const;
