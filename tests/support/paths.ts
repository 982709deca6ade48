import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the test run builds the site, apart from the editor's own dist/. */
export const TEST_SITE_DIR = fileURLToPath(new URL('../../.cache/test-site/', import.meta.url));
