/**
 * The committed entries read straight from content/, independently of the site build, so the
 * site tests compare what was built with what the editors wrote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { measureSchema, type MeasureData } from '../../src/model/schema.ts';
import { ROOT } from './paths.ts';

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
      const text = readFileSync(join(dir, file), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${file}: no frontmatter`);
      return { file, data: measureSchema.parse(parse(match[1])), body: match[2] };
    });
}
