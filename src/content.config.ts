/**
 * The report's content: one entry per measure, and the passages before the measures. Their
 * frontmatter is declared once, in src/model/schema.ts.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { measureSchema, sectionSchema } from './model/schema.ts';

const measures = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: './content/measures' }),
  schema: measureSchema,
});

const sections = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: './content/sections' }),
  schema: sectionSchema,
});

export const collections = { measures, sections };
