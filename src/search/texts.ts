/**
 * The search texts: one compact file per site, `measures/texts.json`, written at build time from
 * the measures collection (src/pages/measures/texts.json.ts) and completed with the Pagefind ids
 * after the Pagefind index is written (src/integrations/pagefind.ts). The search UI loads it
 * when the reader first focuses a search box; it is what exact matches are checked against.
 * Also named here, for the build and the browser alike: the search's filters and its URL parameters.
 */

/** Where the file is, relative to the site's base. */
export const TEXTS_PATH = 'measures/texts.json';
/** Where the Pagefind bundle is, relative to the site's base. */
export const PAGEFIND_PATH = 'pagefind/';
/**
 * Pagefind filter names; the values are the entries' own labels from the vocabulary. They are
 * also the search page's URL parameters for the chosen statuses and topics (its checkboxes' names).
 */
export const FILTER_STATUS = 'status';
export const FILTER_TOPIC = 'topic';
/** The search page's URL parameter (and every search box's field name) for the query. */
export const QUERY_PARAM = 'q';

export interface SearchDoc {
  /** The measure's number. */
  n: number;
  /** The page, with the site's base. */
  url: string;
  /** The measure's title (its lead sentence). */
  title: string;
  /** Index into SearchTexts.statuses. */
  status: number;
  /** Indexes into SearchTexts.topics. */
  topics: number[];
  /** The measure's text as published: its paragraphs, separated by `\n`. */
  text: string;
}

export interface SearchTexts {
  format: 1;
  /** The status vocabulary, in its order (src/model/vocabulary.ts). */
  statuses: { label: string; slug: string }[];
  /** The topic vocabulary, in its order. */
  topics: string[];
  /** The measures, in the report's order. */
  docs: SearchDoc[];
  /** For each doc, the id Pagefind gives its page in search results (added after indexing). */
  pagefind?: string[];
}

