/**
 * The report's settings: what the site says about the publication as a whole
 * (`content/publication.yaml`) and the words its entries may use (`content/vocabularies.yaml`).
 * Everything about one report lives in its content folder, declared here; the code holds none
 * of it, so another report is another content folder. Every field carries a doc comment, the
 * documentation an editor sees on hover and EDITING.md repeats.
 */
import { z } from 'astro/zod';
import { isNumberingExample } from './numbering.ts';

/**
 * The colours a status tag may have. The stylesheet (src/styles/report.css, `.tag--NAME`) gives
 * each a pair of tints that reads at 4.5:1 or more in light and in dark mode, so a report picks a
 * name, never a colour value of its own; the words carry the status in any case.
 */
export const TAG_COLOURS = ['green', 'blue', 'yellow', 'purple', 'grey', 'red'] as const;
export type TagColour = (typeof TAG_COLOURS)[number];

/** A date written as YYYY-MM-DD. */
const isoDate = z.iso.date({ error: 'a date written YYYY-MM-DD, such as 2021-06-30' });

/** Text that is not empty. */
const text = z.string().trim().min(1);

/** A file of the content folder, named from it with `/`: no absolute path, no `..`, nothing outside. */
const contentFile = z.string().regex(/^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[^\\:]+$/, 'a path inside the content folder, such as source/report.txt');

/** An example of a number as the source writes it: `(1)`, `1.`, `一、`, `(一)`. */
const numberingExample = z.custom<string>((value) => typeof value === 'string' && isNumberingExample(value), {
  error: (issue) =>
    typeof issue.input === 'number'
      ? `${issue.input} reads as a number; expected the example in quotes, such as '1.'`
      : `${JSON.stringify(issue.input)} is not an example of one number as the source writes it; expected one such as (1), 1., 一、 or (一)`,
});

/** The printed source the site publishes, and which of its pages the editors hold. */
export const sourceSchema = z.strictObject({
  /**
   * The source text, named from the content folder: `source/report.txt`. UTF-8, one
   * printed paragraph a line; the importer reads it and /source/ shows it as it is.
   */
  file: contentFile,
  /**
   * The file's SHA-256, 64 lower-case hex digits (`sha256sum FILE`). The checks compare it with
   * the file, so a source changed by mistake stops the build; change both together on purpose.
   */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits'),
  /** What the source was printed in, as the pages name it: `报纸`, `文件`. */
  medium: text.default('原文'),
  /** The word for one of its pages, as in 第4版: `版` for a newspaper, `页` for a document. */
  pageWord: text.default('页'),
  /** How many pages the printed publication has. */
  pages: z.number().int().positive().default(1),
  /**
   * The pages the source file holds, in order. The pages not held are missing: the site says so
   * and never invents them.
   */
  held: z.array(z.number().int().positive()).min(1).default([1]),
  /**
   * How the source numbers its measures and the headings above them, each written as an example
   * of a number as printed: the importer and /source/ read the source by it, and the checks say
   * by line what it does not explain.
   */
  numbering: z.strictObject({
    /** How a measure begins: `(1)`, `1.`, `（一）`. The measures are numbered straight through the source. */
    measures: numberingExample,
    /** The headings above the measures, outermost first: `[一、, (一)]`. Each begins a passage shown on the home page. */
    headings: z.array(numberingExample).default([]),
  }),
});
export type Source = z.infer<typeof sourceSchema>;

/** `content/publication.yaml`: the publication as a whole. */
export const publicationSchema = z
  .strictObject({
    /**
     * The site's title, in every page's header and `<title>`: the report's own title, or the
     * editors' description of it when the printed title is not held.
     */
    title: text,
    /** A line under the title on the home and print pages: `报告第4版全文`. */
    subtitle: text.optional(),
    /**
     * The name under the site's icon when a reader adds it to a phone's home screen (the web
     * manifest's short name): a few characters, `整改进展`. Without it the phone shows the title,
     * cut to fit.
     */
    shortName: text.optional(),
    /** Who reports, as the pages name them: `某区市场监督管理局（区市场监管局）`. */
    reporter: text,
    /** What the report is on, as in “…关于{subject}进展情况的报告”: `区委巡察反馈问题的整改`. */
    subject: text,
    /**
     * The year the report was written in. A date the text prints without a year is taken to be
     * in it, and marked as inferred wherever it is shown.
     */
    year: z.number().int().min(1900).max(2100),
    /**
     * The date the report's own account stands at, as its text says (`截至2021年6月30日` →
     * `2021-06-30`). Shown beside the progress counts; leave it out when the text names none.
     */
    asOf: isoDate.optional(),
    /** The date of this edition of the site, YYYY-MM-DD: set it when the editors publish changes. */
    edition: isoDate,
    /** The source text and the pages it holds. */
    source: sourceSchema,
    /**
     * What the pages not held contained, as far as the source tells, in a sentence or two shown
     * on the home page with the notice that they are missing: `第1页载有报告的标题和开头，本站不补写。`
     */
    missingNote: text.optional(),
    /**
     * Where a reader reports an error in an entry: a `mailto:` address or a web page
     * (`https://…`). Without it the pages show no report-an-error link.
     */
    reportErrorsTo: z.url({ protocol: /^(?:https?|mailto)$/, error: 'a web address (https://…) or a mail address (mailto:…)' }).optional(),
    /**
     * The address the site is published at, such as `https://example.org/report/` (a sub-path
     * sets the base path). Canonical links, og:url and the sitemap need it; without it the site
     * links to itself by site-relative addresses and leaves them out. The SITE_URL and BASE_PATH
     * variables of a build override it.
     */
    site: z.url({ protocol: /^https?$/, error: 'a web address, such as https://example.org/report/' }).optional(),
  })
  .superRefine((publication, ctx) => {
    const { pages, held } = publication.source;
    held.forEach((page, index) => {
      if (page > pages) {
        ctx.addIssue({
          code: 'custom',
          path: ['source', 'held', index],
          input: page,
          message: `${page} is not a page of the ${pages}; expected a page from 1 to ${pages}`,
        });
      } else if (held.indexOf(page) !== index) {
        ctx.addIssue({ code: 'custom', path: ['source', 'held', index], input: page, message: `${page} is listed twice; expected each page held once` });
      }
    });
  });
export type Publication = z.infer<typeof publicationSchema>;

/** Adds an issue for each item whose `key` repeats an earlier item's. */
function unique<T>(items: readonly T[], key: (item: T) => string, field: string, ctx: z.RefinementCtx, path: PropertyKey[]) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const value = key(item);
    if (seen.has(value)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, field],
        input: value,
        message: `${JSON.stringify(value)} is given twice; expected each ${field} once`,
      });
    }
    seen.add(value);
  });
}

/**
 * The importer's readings of how far a measure's text says it has got: `done` (a result
 * reached), `underway` (work started, or steps taken), `planned` (only intended), `standing`
 * (long-term, regular work). Each status says which it stands for (`proposedFor`).
 */
export const PROGRESS_READINGS = ['done', 'underway', 'planned', 'standing'] as const;
export type ProgressReading = (typeof PROGRESS_READINGS)[number];

/** How far a measure has got, as the editors judge it from the source's own words. */
export const statusSchema = z.strictObject({
  /** The status as entries and pages write it: `已办结`. */
  label: text,
  /** A short Latin name for it in the pages' markup: lower-case letters, digits and `-` (`completed`). */
  slug: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and -, such as in-progress'),
  /** What the status means, in the words of the source that justify it; shown in the legend and on /about-data/. */
  definition: text,
  /** The colour of its tag: green, blue, yellow, purple, grey or red. */
  colour: z.enum(TAG_COLOURS),
  /**
   * The readings of a text for which `npm run import` proposes this status: any of done,
   * underway, planned, standing. A reading no status takes proposes the status taking
   * `underway`, or else the first status; the editors judge every proposal in any case.
   */
  proposedFor: z.array(z.enum(PROGRESS_READINGS)).default([]),
});
export type Status = z.infer<typeof statusSchema>;

/** A subject the measures are grouped by. */
export const topicSchema = z.strictObject({
  /** The topic as entries and pages write it: `食品安全`. */
  label: text,
  /** What it covers, in a sentence, shown under its heading on /topics/. */
  description: text,
  /** Words whose presence in a measure's text makes `npm run import` propose the topic: `[抽检, 食品]`. */
  cues: z.array(text).default([]),
});
export type Topic = z.infer<typeof topicSchema>;

/** A body the report names, for the index of organisations. */
export const organisationSchema = z.strictObject({
  /** The name as the text most often writes it: `区卫健委`. */
  name: text,
  /** Other ways the text writes it: `[区卫生健康委员会]`. A measure is listed when its text has any of them. */
  aliases: z.array(text).optional(),
  /** What kind of body it is: one of `organisationKinds`. */
  kind: text,
});
export type Organisation = z.infer<typeof organisationSchema>;

/** A group of units on /figures/: figures are compared only within a group. */
export const unitGroupSchema = z.strictObject({
  /** The group's heading: `资金（元）`. */
  name: text,
  /** The units printed after the numbers that belong to it: `[人, 人次, 名]`. */
  units: z.array(z.string()).min(1),
  /**
   * A bar chart of the group's largest labelled figures on /figures/: only for a group whose
   * figures count the same thing, so that their bars compare like with like.
   */
  chart: z
    .strictObject({
      /** The chart's caption: `资金（元），按金额排列`. */
      caption: text,
      /** The heading of the values' column: `金额`. */
      valueHeading: text,
      /** What a reader must know before comparing, after the caption: `（一人可计多次，不与人数比较）`. */
      note: text.optional(),
    })
    .optional(),
});
export type UnitGroup = z.infer<typeof unitGroupSchema>;

/** `content/vocabularies.yaml`: the words the report's entries may use, and how the pages group them. */
export const vocabulariesSchema = z
  .strictObject({
    /** The statuses an entry's `status` may take, in the order the pages count them. */
    statuses: z.array(statusSchema).min(1),
    /** The topics an entry's `topics` may list, in the order /topics/ shows them. */
    topics: z.array(topicSchema).min(1),
    /** The kinds of organisation, in the order /organisations/ shows them. */
    organisationKinds: z.array(text).default([]),
    /** The organisations the report names, each of one of `organisationKinds`. */
    organisations: z.array(organisationSchema).default([]),
    /** How /figures/ groups figures by unit, in order. */
    unitGroups: z.array(unitGroupSchema).default([]),
    /** The heading of the group of figures whose unit no group lists: `其他`. */
    otherUnits: text.default('其他'),
  })
  .superRefine((v, ctx) => {
    unique(v.statuses, (s) => s.label, 'label', ctx, ['statuses']);
    unique(v.statuses, (s) => s.slug, 'slug', ctx, ['statuses']);
    unique(v.topics, (t) => t.label, 'label', ctx, ['topics']);
    const claimed = new Map<string, string>();
    v.statuses.forEach((s, index) =>
      s.proposedFor.forEach((reading, r) => {
        const other = claimed.get(reading);
        if (other !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['statuses', index, 'proposedFor', r],
            input: reading,
            message: `"${reading}" is taken by ${other} already; expected each reading for one status`,
          });
        }
        claimed.set(reading, s.label);
      }),
    );
    unique(v.organisations, (o) => o.name, 'name', ctx, ['organisations']);
    unique(v.unitGroups, (g) => g.name, 'name', ctx, ['unitGroups']);
    v.organisations.forEach((o, index) => {
      if (!v.organisationKinds.includes(o.kind)) {
        const kinds = v.organisationKinds.length ? `one of ${v.organisationKinds.join(', ')}` : 'a kind listed under organisationKinds';
        ctx.addIssue({
          code: 'custom',
          path: ['organisations', index, 'kind'],
          input: o.kind,
          message: `${JSON.stringify(o.kind)} is not one of the organisationKinds; expected ${kinds}`,
        });
      }
    });
  });
export type Vocabularies = z.infer<typeof vocabulariesSchema>;

/** The pages of the publication that the source file does not hold, in order. */
export const missingPages = (source: Pick<Source, 'pages' | 'held'>): number[] =>
  Array.from({ length: source.pages }, (_, i) => i + 1).filter((page) => !source.held.includes(page));
