/**
 * The publication being built (content/publication.yaml), as the pages use it. Read when first
 * asked for, once per build.
 */
import type { Publication } from '../../pure/model/settings-schema.ts';
import { reportSettings } from './report-settings.ts';

export const publication = (): Publication => reportSettings().publication;
