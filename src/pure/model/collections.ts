/**
 * The report's collections of entries: the kind of entry each holds (its schema is
 * entrySchemas()[kind], src/pure/model/schema.ts), the folder of the content folder it is read from
 * and the files it takes. The content collections (src/content.config.ts) and the entry checks
 * (src/build-time/checks/) both read them from here.
 */
export const ENTRY_COLLECTIONS = {
  measures: { kind: 'measure', folder: 'measures' },
  sections: { kind: 'section', folder: 'sections' },
} as const;

export type EntryKind = (typeof ENTRY_COLLECTIONS)[keyof typeof ENTRY_COLLECTIONS]['kind'];

/** The files of a collection folder that are entries, as a glob (for Astro's loader) and as a test of a file name. */
export const ENTRY_FILE_GLOB = '*.{md,mdx}';
export const isEntryFileName = (name: string) => /^[^.].*\.mdx?$/.test(name);
