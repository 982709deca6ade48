/**
 * The report's content: one entry per measure, and the passages before the measures. Their
 * frontmatter is declared once, in src/model/schema.ts.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentFolder } from './lib/content-folder.ts';
import { measureSchema, sectionSchema } from './model/schema.ts';

const measures = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: `${contentFolder()}/measures` }),
  schema: measureSchema,
});

const sections = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: `${contentFolder()}/sections` }),
  schema: sectionSchema,
});

export const collections = { measures, sections };
