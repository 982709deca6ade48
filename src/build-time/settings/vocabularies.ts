/**
 * The vocabularies of the report being built (content/vocabularies.yaml), as the pages, the
 * diagrams and the search's texts use them. Read when first asked for, once per build.
 */
import type { Organisation, Status, Topic, UnitGroup } from '../../pure/model/settings-schema.ts';
import { reportSettings } from './report-settings.ts';

const vocabularies = () => reportSettings().vocabularies;

/** The statuses, in the order the pages count them. */
export const statuses = (): readonly Status[] => vocabularies().statuses;

/** The status an entry names; the entry schema holds entries to the statuses, so an unknown label is a fault of the code. */
export function statusOf(label: string): Status {
  const status = statuses().find((s) => s.label === label);
  if (!status) throw new Error(`"${label}" is not a status of the report's vocabularies`);
  return status;
}

/** The topics, in the order /topics/ shows them. */
export const topics = (): readonly Topic[] => vocabularies().topics;

/** The kinds of organisation, in order. */
export const organisationKinds = (): readonly string[] => vocabularies().organisationKinds;

/** The organisations the report names. */
export const organisations = (): readonly Organisation[] => vocabularies().organisations;

/** The unit groups of /figures/, the group of every unit no group lists last (no units of its own). */
export function unitGroups(): readonly UnitGroup[] {
  const v = vocabularies();
  return [...v.unitGroups, { name: v.otherUnits, units: [] }];
}
