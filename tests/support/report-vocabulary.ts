/**
 * The real report's settings and vocabularies (content/publication.yaml, vocabularies.yaml), for tests that check the pages
 * and the search against them: the same words the build reads, never retyped.
 */
import { join } from 'node:path';
import { reportSettings } from '../../src/build-time/settings/report-settings.ts';
import { ROOT } from './paths.ts';

const { publication, vocabularies } = reportSettings(join(ROOT, 'content'));

export const PUBLICATION = publication;

export const STATUSES = vocabularies.statuses;
export const STATUS_LABELS = STATUSES.map((s) => s.label);
export const TOPICS = vocabularies.topics;
export const TOPIC_LABELS = TOPICS.map((t) => t.label);
export const ORGANISATIONS = vocabularies.organisations;
