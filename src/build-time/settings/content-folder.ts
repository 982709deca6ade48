/**
 * Where the report's content is: `content/`, or the folder CONTENT_DIR names (the benchmarks and
 * the large-report test build synthetic reports kept elsewhere). The collections, the entry
 * checks of a build and the drawings kept with the report all read it from here, when they need
 * it (a test points CONTENT_DIR elsewhere after this module is loaded).
 */
export const contentFolder = (): string => process.env.CONTENT_DIR ?? 'content';
