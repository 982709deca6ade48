/**
 * The committed entries read straight from content/, independently of the site build, so the
 * site tests compare what was built with what the editors wrote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { entrySchemas, type MeasureData } from '../../src/pure/model/schema.ts';
import { reportSettings } from '../../src/build-time/settings/report-settings.ts';
import { ROOT } from './paths.ts';
import { splitFrontmatter } from './source-text.ts';

/** The real report's measure schema, made from its vocabularies. */
const measureSchema = entrySchemas(reportSettings(join(ROOT, 'content')).vocabularies).measure;

export interface EntryOnDisk {
  file: string;
  data: MeasureData;
  body: string;
}

export function readMeasureEntries(): EntryOnDisk[] {
  const dir = join(ROOT, 'content/measures');
  return readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .sort()
    .map((file) => {
      const { frontmatter, body } = splitFrontmatter(readFileSync(join(dir, file), 'utf8'));
      return { file, data: measureSchema.parse(parse(frontmatter)), body };
    });
}
