/**
 * The publication's facts as the pages write them, from its settings (src/publication.ts), so
 * that no page spells out this report's page numbers or title itself.
 */
import { PUBLICATION } from '../publication.ts';

/** `第2版`: the page of the publication the site holds. */
export const heldPage = `第${PUBLICATION.page}版`;

/** `第1版和第3版`: the pages the site does not have. */
export const missingPages = PUBLICATION.missingPages.map((p) => `第${p}版`).join('和');

/** `全总党组巡视整改进展情况 · 报告第2版全文`: the running head of every printed page. */
export const runningHead = `${PUBLICATION.title} · ${PUBLICATION.subtitle}`;

const longDate = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' });

/** `2020年9月30日` for `2020-09-30`. */
export const dateText = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`));
