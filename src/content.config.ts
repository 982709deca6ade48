/**
 * The report's content: one entry per measure, and the passages before the measures. Their
 * frontmatter is declared once, in src/model/schema.ts, with the statuses and topics of the
 * report's vocabularies (content/vocabularies.yaml).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentFolder } from './lib/content-folder.ts';
import { entrySchemas } from './model/schema.ts';
import { reportSettings } from './settings/report-settings.ts';

const { measure: measureSchema, section: sectionSchema } = entrySchemas(reportSettings().vocabularies);

const measures = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: `${contentFolder()}/measures` }),
  schema: measureSchema,
});

const sections = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: `${contentFolder()}/sections` }),
  schema: sectionSchema,
});

export const collections = { measures, sections };
