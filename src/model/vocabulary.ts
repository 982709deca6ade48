/**
 * The report's vocabularies (content/vocabularies.yaml), in the shape the pages read them. Read
 * as this module loads: page code only (the checks read the settings themselves, and report
 * what is wrong with them).
 */
import { reportSettings } from '../settings/report-settings.ts';

const { vocabularies } = reportSettings();

/** How far a measure has got, as the editors judge it from the source's own words. */
export const STATUSES = vocabularies.statuses.map((s) => ({ label: s.label, slug: s.slug, description: s.definition, colour: s.colour }));

export type StatusLabel = string;
export const STATUS_LABELS = STATUSES.map((s) => s.label) as [StatusLabel, ...StatusLabel[]];

export function statusInfo(label: StatusLabel) {
  // The schema holds an entry's status to the vocabulary, so the lookup cannot miss.
  return STATUSES.find((s) => s.label === label)!;
}

/** The small set of subjects the measures are grouped by. */
export const TOPICS = vocabularies.topics;

export type TopicLabel = string;
export const TOPIC_LABELS = TOPICS.map((t) => t.label) as [TopicLabel, ...TopicLabel[]];

export const ORGANISATION_KINDS = vocabularies.organisationKinds;
export type OrganisationKind = string;

export const ORGANISATIONS = vocabularies.organisations;

/**
 * How the figures page groups figures by what they count; a unit not listed falls under the
 * last group.
 */
export const UNIT_GROUPS: readonly { name: string; units: readonly string[] }[] = [...vocabularies.unitGroups, { name: vocabularies.otherUnits, units: [] }];
