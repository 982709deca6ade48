/**
 * The report's open data, made from the same entries as the pages: the measures as JSON
 * (frontmatter plus the plain text) and every figure as CSV.
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'astro/zod';
import { entrySchemas } from '../../pure/model/schema.ts';
import { reportSettings } from '../settings/report-settings.ts';
import { missingPages } from '../../pure/model/settings-schema.ts';
import { publication } from '../settings/publication.ts';
import { formatExact, normalisedValue } from '../../pure/text/figures.ts';
import { plainTexts } from './indexes.ts';
import { allMeasures, href, measurePath } from './report.ts';
import { siteAddress } from '../../pure/site/site-paths.ts';

export async function measuresJson(site: URL | undefined) {
  const texts = await plainTexts();
  return {
    publication: { ...publication(), missingPages: missingPages(publication().source) },
    measures: (await allMeasures()).map((m) => ({
      url: siteAddress(href(measurePath(m.data.number)), site),
      ...m.data,
      figures: m.data.figures.map((f) => ({ ...f, exactValue: normalisedValue(f) })),
      text: texts.get(m.data.number),
    })),
  };
}

/** The JSON Schema of one measure's frontmatter, derived from the entry model. */
export function measureJsonSchema() {
  const measureSchema = entrySchemas(reportSettings().vocabularies).measure;
  return z.toJSONSchema(measureSchema, { io: 'input' });
}

export const FIGURE_COLUMNS = ['措施编号', '措施标题', '原文', '说明', '数值', '量级', '单位', '限定', '每', '精确值', '精确值（格式化）', '页面'] as const;

/** UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese correctly. */
export async function figuresCsv(site: URL | undefined): Promise<string> {
  const rows = (await allMeasures()).flatMap((m) =>
    m.data.figures.map((f) => [
      m.data.number,
      m.data.title,
      f.phrase,
      f.label ?? '',
      f.value,
      f.magnitude ?? '',
      f.unit,
      f.qualifier ?? '',
      f.per ?? '',
      normalisedValue(f),
      formatExact(f),
      siteAddress(href(measurePath(m.data.number)), site),
    ]),
  );
  return `\uFEFF${stringify([[...FIGURE_COLUMNS], ...rows], { record_delimiter: 'windows' })}`;
}
