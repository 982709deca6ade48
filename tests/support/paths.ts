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

/**
 * The environment for building the site from a test: vitest puts Vite's own variables
 * (BASE_URL, MODE, DEV, PROD, SSR) in process.env, and Astro would take BASE_URL from there over
 * the configured base path.
 */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...env } = process.env;
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}
