/**
 * The report's content: one entry per measure, and the passages before the measures. Their
 * folders and files are declared once, in src/model/collections.ts, their frontmatter in
 * src/model/schema.ts, with the statuses and topics of the report's vocabularies
 * (content/vocabularies.yaml); each is read with Astro's glob() loader, screened as the entry
 * checks screen a file (src/checks/screened-glob.ts). When Astro cannot read an entry, the entry
 * checks say why, and the preview starts all the same (src/integrations/checked-loader.ts).
 */
import { defineCollection } from 'astro:content';
import type { z } from 'astro/zod';
import { screenedGlob } from './checks/screened-glob.ts';
import { checkedLoader } from './integrations/checked-loader.ts';
import { contentFolder } from './lib/content-folder.ts';
import { ENTRY_COLLECTIONS, ENTRY_FILE_GLOB } from './model/collections.ts';
import { entrySchemas } from './model/schema.ts';
import { reportSettings } from './settings/report-settings.ts';

const schemas = entrySchemas(reportSettings().vocabularies);

const collection = <Schema extends z.ZodType>({ folder, schema }: { folder: string; schema: Schema }) =>
  defineCollection({
    loader: checkedLoader(screenedGlob({ pattern: ENTRY_FILE_GLOB, base: `${contentFolder()}/${folder}`, contentDir: contentFolder() })),
    schema,
  });

export const collections = {
  measures: collection({ folder: ENTRY_COLLECTIONS.measures.folder, schema: schemas.measure }),
  sections: collection({ folder: ENTRY_COLLECTIONS.sections.folder, schema: schemas.section }),
};
