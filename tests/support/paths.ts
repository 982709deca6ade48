import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where a test run builds the site, apart from the editor's own dist/. Each run gets its own
 * folder (the global setup names it in TEST_RUN_DIR, and the test workers inherit it), so two
 * runs at once — an editor's and a benchmark's, say — never build over each other.
 */
export const TEST_RUN_DIR = process.env.TEST_RUN_DIR ?? fileURLToPath(new URL('../../.cache/test-run/', import.meta.url));
export const TEST_SITE_DIR = `${TEST_RUN_DIR.replace(/\/?$/, '/')}site/`;
