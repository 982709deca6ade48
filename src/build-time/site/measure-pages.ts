/**
 * The measure pages' static paths, each with only what that page shows of the others
 * (neighbours, related, referenced by), all computed once per build.
 */
import { paddedNumber } from '../../pure/model/measure-number.ts';
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
    return { params: { number: paddedNumber(measure.data.number) }, props: { measure, ...links } };
  });
}
