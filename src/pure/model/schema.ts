/**
 * The entry model: what a measure's frontmatter may hold. This file is the one place the model
 * is declared; the content collections, the importer, the checks and the pages derive from it.
 * Every field carries a doc comment so that an editor's hover in an editor is the documentation.
 * The statuses and topics an entry may take are the report's own (content/vocabularies.yaml):
 * the schemas of a report's entries are made from its vocabularies (entrySchemas).
 */
import { z } from 'astro/zod';
import { MAGNITUDE_WORDS, QUALIFIER_WORDS } from './figure-words.ts';
import type { Vocabularies } from './settings-schema.ts';

export const figureSchema = z.strictObject({
  /** The words of the source the figure was read from, exactly as printed, e.g. `近630万次`. */
  phrase: z.string().min(1),
  /** The number as printed, before its magnitude: `1.2` for `1.2亿人`. */
  value: z.number().nonnegative(),
  /**
   * What is counted, as printed after the number: `元`, `人次`, `户`, `%`, `个` …
   * Empty when the source gives none (`粉丝超60万`).
   */
  unit: z.string(),
  /** `万` (10⁴) or `亿` (10⁸) when the number is written with one. */
  magnitude: z.enum(MAGNITUDE_WORDS).optional(),
  /** `近`, `超`, `超过`, `余`, `左右` or `不少于` when the figure is not an exact count. */
  qualifier: z.enum(QUALIFIER_WORDS).optional(),
  /** A short editorial name for what the figure measures, e.g. `纳入实名管理的会员`. */
  label: z.string().min(1).optional(),
  /**
   * What the figure is an amount for each one of, when the text gives it so (`每家给予10万元` →
   * `家`); absent for a total. The site never ranks such a figure against totals.
   */
  per: z.string().min(1).optional(),
});
export type Figure = z.infer<typeof figureSchema>;

const month = z.number().int().min(1).max(12);
const day = z.number().int().min(1).max(31);

export const dateSchema = z.strictObject({
  /** The words of the source, exactly as printed, e.g. `6月22日至7月9日`. */
  phrase: z.string().min(1),
  /** The year: printed in the text, or the report's year (publication.yaml) when the text gives none. */
  year: z.number().int().min(1900).max(2100),
  /** `true` when the text gives no year and `year` is the report year, inferred by the editors. */
  yearInferred: z.boolean(),
  /** Month, 1–12. */
  month,
  /** Day of the month, when the text gives one. */
  day: day.optional(),
  /** For a span (`6月22日至7月9日`): where it ends. */
  until: z.strictObject({ month, day }).optional(),
});
export type MeasureDate = z.infer<typeof dateSchema>;

export const correctionSchema = z.strictObject({
  /** The text as the source prints it; the published body keeps it unchanged. */
  original: z.string().min(1),
  /** The reading the editors suggest. Empty when the right reading cannot be known. */
  suggested: z.string(),
  /** Why the editors think the source is wrong, in a sentence. */
  note: z.string().min(1),
});
export type Correction = z.infer<typeof correctionSchema>;

export const sourcePositionSchema = z.strictObject({
  /** The page of the source the text is printed on: one of the pages held (publication.yaml). */
  page: z.number().int().positive(),
  /** The positions (1-based) of the printed paragraphs the text comes from, as numbered on the source page. */
  paragraphs: z.array(z.number().int().positive()).min(1),
});

/** Frontmatter of one measure, `content/measures/NN.md`. */
function measureSchemaOf(statuses: [string, ...string[]], topics: [string, ...string[]]) {
  return z.strictObject({
    /** The measure's number in the source, as in `(1)`, `(2)` …; unique, and the file is named after it (`01.md`). */
    number: z.number().int().positive(),
    /** The measure's lead sentence, without its final `。`. */
    title: z.string().min(1),
    /** The editors' judgement of how far the measure has got: one of the report's statuses (vocabularies.yaml). */
    status: z.enum(statuses),
    /** The words of the source that justify the status, e.g. `已启动相关工作`; they must occur in the body. */
    statusNote: z.string().min(1),
    /**
     * The editors' reason for the status, a sentence in their own words, when the quoted words
     * alone could mislead (`“已达3.78万人”是这支队伍现有的规模，不表示该项工作已经办结`).
     * Shown as the editors' words beside the status; a passage it quotes in “…” must stand in the text.
     */
    statusReason: z.string().min(1).optional(),
    /** Topics of the report's vocabulary (vocabularies.yaml), most important first. */
    topics: z.array(z.enum(topics)).default([]),
    /** Numbers of other measures a reader should see next to this one. */
    related: z.array(z.number().int().positive()).default([]),
    /** Every quantity in the text, in the order it appears. */
    figures: z.array(figureSchema).default([]),
    /** Every date the text gives, in the order it appears. */
    dates: z.array(dateSchema).default([]),
    /** The documents the text cites in 《》, in the order they appear, without the brackets. */
    documents: z.array(z.string().min(1)).default([]),
    /** Where the text is printed in the source. */
    source: sourcePositionSchema,
    /** Editorial notes on typing errors in the source; the body keeps the source's text. */
    corrections: z.array(correctionSchema).default([]),
  });
}

/** Frontmatter of a passage of the report that is not a measure (`content/sections/*.md`). */
export const sectionSchema = z.strictObject({
  /** Reading order among the sections. */
  order: z.number().int().positive(),
  /** The heading as printed, e.g. `(三)落实主体责任,确保整改实效。`. */
  heading: z.string().min(1),
  /** Which part of the report the passage belongs to: 1 for 一, 2 for 二. */
  part: z.number().int().positive(),
  /** Every quantity in the text; a `label` names the headline figures shown on the home page. */
  figures: z.array(figureSchema).default([]),
  /** Where the text is printed in the source (the heading's paragraph first). */
  source: sourcePositionSchema,
});
export type SectionData = z.infer<typeof sectionSchema>;

export type MeasureSchema = ReturnType<typeof measureSchemaOf>;
export type MeasureData = z.infer<MeasureSchema>;

/** The entry schemas of one report, made once for each vocabularies read. */
const made = new WeakMap<Pick<Vocabularies, 'statuses' | 'topics'>, { measure: MeasureSchema; section: typeof sectionSchema }>();

/** The schemas of a report's entries: a measure's status and topics are those of its vocabularies. */
export function entrySchemas(vocabularies: Pick<Vocabularies, 'statuses' | 'topics'>): { measure: MeasureSchema; section: typeof sectionSchema } {
  let schemas = made.get(vocabularies);
  if (!schemas) {
    const labels = <T extends { label: string }>(items: readonly T[]) => items.map((i) => i.label) as [string, ...string[]];
    schemas = { measure: measureSchemaOf(labels(vocabularies.statuses), labels(vocabularies.topics)), section: sectionSchema };
    made.set(vocabularies, schemas);
  }
  return schemas;
}
