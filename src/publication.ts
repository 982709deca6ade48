/**
 * What the site says about the publication as a whole, from the report's settings
 * (content/publication.yaml), in the shape the pages read it.
 */
import { missingPages } from './model/settings-schema.ts';
import { contentFolder } from './lib/content-folder.ts';
import { reportSettings } from './settings/report-settings.ts';

const { publication } = reportSettings();

export const PUBLICATION = {
  title: publication.title,
  subtitle: publication.subtitle,
  reporter: publication.reporter,
  subject: publication.subject,
  year: publication.year,
  /** The date the report's own account stands at (`2020-09-30`), when its text names one. */
  asOf: publication.asOf,
  /** The date of this edition of the site (`2026-12-07`). */
  edition: publication.edition,
  /** The page of the publication the source file holds, of how many. */
  page: publication.source.held[0],
  pages: publication.source.pages,
  missingPages: missingPages(publication.source),
  sourceFile: `${contentFolder()}/${publication.source.file}`,
  sourceSha256: publication.source.sha256,
};
