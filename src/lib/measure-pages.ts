/**
 * The measure pages' static paths, each with only what that page shows of the others
 * (neighbours, related, referenced by), all computed once per build, and a cache key: the
 * entry file's digest and those links. A rebuild writes again only the pages whose key changed
 * (Astro's incremental build, astro.config.mjs); the others are copied from the last build.
 */
import { createHash } from 'node:crypto';
import { referencesTo } from './indexes.ts';
import { allMeasures, linkOf } from './report.ts';

export async function measurePaths() {
  const list = await allMeasures();
  const references = await referencesTo();
  const byNumber = new Map(list.map((m) => [m.data.number, m]));
  return list.map((measure, i) => {
    const links = {
      previous: i > 0 ? linkOf(list[i - 1]) : undefined,
      next: i < list.length - 1 ? linkOf(list[i + 1]) : undefined,
      related: measure.data.related.flatMap((n) => (byNumber.has(n) ? [linkOf(byNumber.get(n)!)] : [])),
      referencedBy: references.get(measure.data.number) ?? [],
    };
    return {
      params: { number: String(measure.data.number).padStart(2, '0') },
      props: { measure, ...links },
      // The digest is of the whole entry file: frontmatter and text.
      cacheKey: createHash('sha256').update(JSON.stringify([measure.digest, links])).digest('base64url'),
    };
  });
}
