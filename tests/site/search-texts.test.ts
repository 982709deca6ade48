/**
 * The build begins its search index from the measures as the entry checks read them, before any
 * page is rendered, and keeps it only if /measures/texts.json (rendered) holds the same texts
 * (src/integrations/pagefind.ts). For the report, they must be the same: otherwise every build
 * would index twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkContent } from '../../src/checks/index.ts';
import { measurePath, withBase } from '../../src/lib/site-paths.ts';
import { composeSearchTexts } from '../../src/search/compose-texts.ts';
import { TEXTS_PATH, type SearchTexts } from '../../src/search/texts.ts';
import { ROOT, TEST_SITE_DIR } from '../support/paths.ts';

it('the texts as read from the entries are the texts the pages render', async () => {
  const { measures, errors } = await checkContent({ contentDir: join(ROOT, 'content'), root: ROOT });
  expect(errors).toBe(0);
  const { pagefind, ...rendered } = JSON.parse(readFileSync(join(TEST_SITE_DIR, TEXTS_PATH), 'utf8')) as SearchTexts;
  expect(pagefind).toHaveLength(rendered.docs.length);
  const read = composeSearchTexts(measures, (n) => withBase('/', measurePath(n)));
  expect(read.docs).toHaveLength(30);
  expect(read).toEqual(rendered);
});
