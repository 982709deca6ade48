/**
 * The report's content: one entry per measure, and the passages before the measures. Their
 * folders and files are declared once, in src/pure/model/collections.ts, their frontmatter in
 * src/pure/model/schema.ts, with the statuses and topics of the report's vocabularies
 * (content/vocabularies.yaml); each is read with Astro's glob() loader, screened as the entry
 * checks screen a file (src/build-time/checks/screened-glob.ts). When Astro cannot read an entry, the entry
 * checks say why, and the preview starts all the same (src/build-time/integrations/checked-loader.ts).
 */
import { defineCollection } from 'astro:content';
import type { z } from 'astro/zod';
import { screenedGlob } from './build-time/checks/screened-glob.ts';
import { checkedLoader } from './build-time/integrations/checked-loader.ts';
import { contentFolder } from './build-time/settings/content-folder.ts';
import { ENTRY_COLLECTIONS, ENTRY_FILE_GLOB } from './pure/model/collections.ts';
import { entrySchemas } from './pure/model/schema.ts';
import { reportSettings } from './build-time/settings/report-settings.ts';

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
