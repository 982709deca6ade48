import { defineConfig } from 'vitest/config';

// A test's time limit only keeps a hung test from blocking the run: well above what any test takes
// on a loaded 2-core machine (vitest's default, 5 s, failed unit tests under CI's load; a test that
// builds a copy of the project took over 200 s with two busy loops on a shared machine), since
// no test may depend on how fast the machine is.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 120_000 },
      },
      {
        // The built site and the browser tests share one fresh build of the real site.
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/build-site.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
