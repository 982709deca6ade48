/**
 * The report's content: one entry per measure, and the passages before the measures. Their
 * frontmatter is declared once, in src/model/schema.ts.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { measureSchema, sectionSchema } from './model/schema.ts';

/** The content folder; CONTENT_DIR points a build elsewhere (the search benchmark's synthetic site). */
const CONTENT_DIR = process.env.CONTENT_DIR ?? './content';

const measures = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: `${CONTENT_DIR}/measures` }),
  schema: measureSchema,
});

const sections = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: `${CONTENT_DIR}/sections` }),
  schema: sectionSchema,
});

export const collections = { measures, sections };
