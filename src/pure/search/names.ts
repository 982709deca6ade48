/**
 * The search's names shared by the pages, the build and the browser: its URL parameters, which
 * are also the search forms' field names.
 */

/** The search page's URL parameter (and every search box's field name) for the query. */
export const QUERY_PARAM = 'q';
/**
 * The search page's URL parameters for the chosen statuses and topics (its checkboxes' names);
 * the values are the entries' own labels from the vocabulary.
 */
export const FILTER_STATUS = 'status';
export const FILTER_TOPIC = 'topic';
