/**
 * The fragment ids that tie a measure page together: a figure in the text links to its row in
 * the figures table and back; a corrected passage links to its editorial note and back.
 * Plugins and page components both take the ids from here.
 */
export const figureRowId = (index: number) => `figure-${index + 1}`;
export const figureInTextId = (index: number) => `figure-${index + 1}-in-text`;
export const correctionNoteId = (index: number) => `correction-${index + 1}`;
export const correctionInTextId = (index: number) => `correction-${index + 1}-in-text`;
/** A printed paragraph of the source page. */
export const sourceParagraphId = (position: number) => `p${position}`;
/** An introductory section on the home page, by its reading order. */
export const sectionId = (order: number) => `section-${order}`;
