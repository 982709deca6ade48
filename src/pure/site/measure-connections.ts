/**
 * The other measures a measure page lists, each once, with how it is connected: the editors
 * list it as related here, it lists this measure as related, its text links here. Pure.
 */

export interface Connection<M> {
  measure: M;
  /** This measure's `related` lists it. */
  relatedHere: boolean;
  /** Its `related` lists this measure. */
  relatedThere: boolean;
  /** Its text links to this measure. */
  linksHere: boolean;
}

/** The measures related here, in the editors' order, then the others that point here, by number. */
export function connectionsOf<M extends { number: number }>(
  related: readonly M[],
  referencedBy: readonly { measure: M; via: 'link' | 'related' }[],
): Connection<M>[] {
  const byNumber = new Map<number, Connection<M>>();
  const of = (measure: M) => {
    let c = byNumber.get(measure.number);
    if (!c) byNumber.set(measure.number, (c = { measure, relatedHere: false, relatedThere: false, linksHere: false }));
    return c;
  };
  for (const m of related) of(m).relatedHere = true;
  for (const r of [...referencedBy].sort((a, b) => a.measure.number - b.measure.number)) {
    if (r.via === 'link') of(r.measure).linksHere = true;
    else of(r.measure).relatedThere = true;
  }
  return [...byNumber.values()];
}

/** How a connection reads beside its measure: `编者互列为相关措施`, `该项正文链接到本项` …. */
export function connectionNote(c: Connection<unknown>): string {
  return [
    c.relatedHere && c.relatedThere ? '编者互列为相关措施' : c.relatedHere ? '编者列为相关措施' : c.relatedThere ? '编者在该项下列本项为相关措施' : '',
    c.linksHere ? '该项正文链接到本项' : '',
  ]
    .filter(Boolean)
    .join('；');
}

/** What the list holds, said truthfully: `编者所列`, `正文链接到本项的措施`, or both. */
export function connectionsHeading(connections: readonly Connection<unknown>[]): string {
  const listed = connections.some((c) => c.relatedHere || c.relatedThere);
  const linking = connections.some((c) => c.linksHere);
  return [listed ? '编者所列' : '', linking ? '正文链接到本项的措施' : ''].filter(Boolean).join('，及');
}
