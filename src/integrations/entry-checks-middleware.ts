/**
 * Preview only (added by entry-checks.ts for `astro dev`): while the entry checks report an
 * error, every page answers with that error, so Astro shows it in its error overlay, with the
 * same lines as `npm run check` and the first problem's file and line.
 */
import { defineMiddleware } from 'astro:middleware';
import { EntryCheckError, entryChecksState } from './entry-checks.ts';

export const onRequest = defineMiddleware((_context, next) => {
  const state = entryChecksState();
  if (state?.result?.errors) {
    const error = new EntryCheckError(state.result, state.root);
    // Astro reads the place of an error from its stack when it has one; this one has its own.
    error.stack = `${error.name}: ${error.message}`;
    throw error;
  }
  return next();
});
