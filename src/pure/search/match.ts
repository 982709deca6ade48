/** One document in a list of results. */
import type { DocKind, DocRecord } from './index-format.ts';
import type { Occurrence } from './rank.ts';

export interface Match {
  doc: number;
  kind: DocKind;
  record: DocRecord;
  /** Occurrences of each of the query's words (undefined: not held). */
  held: (Occurrence | undefined)[];
  score: number;
}
