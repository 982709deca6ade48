/**
 * Builds the search index's files (their format: src/pure/search/index-format.ts) from the
 * documents a reader can read: in memory, once per build on the index's thread
 * (publish-worker.ts), on demand in the preview (src/pages/search-index/[...file].ts), and by the
 * unit tests. No I/O.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import {
  bucketOf,
  bucketPath,
  BUCKET_BYTES,
  DOC_KINDS,
  encodeBucket,
  encodePosting,
  encodeRecords,
  fragmentPath,
  INDEX_FORMAT,
  MANIFEST_PATH,
  MAX_GRAM,
  pairsOf,
  RECORD_BLOCK,
  recordsPath,
  SEPARATE_BYTES,
  separatePath,
  VERIFY_LIMIT,
  type DocKind,
  type DocRecord,
  type Fragment,
  type Posting,
  type SearchManifest,
} from '../../pure/search/index-format.ts';
import { foldText, useTraditionalPairs } from '../../pure/search/normalize.ts';
import { TRADITIONAL_PAIRS } from '../../pure/search/traditional-table.ts';

/** A document as the build gives it: what the reader reads, where, and how it is filtered. */
export interface SearchDocument extends Fragment {
  kind: DocKind;
  /** Index into the statuses; -1 for a document that is not a measure. */
  status: number;
  topics: number[];
}

export interface IndexInput {
  documents: SearchDocument[];
  statuses: SearchManifest['statuses'];
  topics: string[];
}

/** The index in memory: the manifest, each gram's posting, each document's record and fragment. */
export interface BuiltIndex {
  manifest: SearchManifest;
  postings: Map<string, Posting>;
  records: DocRecord[];
  fragments: Fragment[];
  /** Every file, by its path under the site's base. */
  files: Map<string, Uint8Array | string>;
}

/** A binary file as published: raw deflate (index-format.ts). */
const deflated = (bytes: Uint8Array) => new Uint8Array(deflateRawSync(bytes, { level: 9 }));

/** Every gram of up to MAX_GRAM units in each paragraph, with its count, not overlapping. */
function gramsOf(folded: string): Map<string, number> {
  const counts = new Map<string, number>();
  const lastEnd = new Map<string, number>();
  for (const paragraph of folded.split('\n')) {
    lastEnd.clear();
    for (let i = 0; i < paragraph.length; i++) {
      for (let n = 1; n <= MAX_GRAM && i + n <= paragraph.length; n++) {
        const gram = paragraph.slice(i, i + n);
        if ((lastEnd.get(gram) ?? -1) > i) continue;
        lastEnd.set(gram, i + n);
        counts.set(gram, (counts.get(gram) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** Whether the documents a 3–4 unit gram's pairs leave are more than the browser verifies. */
function needsOwnPosting(gram: string, own: Posting, postings: Map<string, Posting>, sets: Map<string, Set<number>>): boolean {
  if (own.docs.length > VERIFY_LIMIT) return true;
  const pairs = pairsOf(gram).sort((a, b) => postings.get(a)!.docs.length - postings.get(b)!.docs.length);
  const shortest = postings.get(pairs[0])!.docs;
  if (shortest.length <= VERIFY_LIMIT) return false;
  const setOf = (pair: string) => {
    let set = sets.get(pair);
    if (!set) sets.set(pair, (set = new Set(postings.get(pair)!.docs)));
    return set;
  };
  const others = pairs.slice(1).map(setOf);
  let n = 0;
  for (const d of shortest) if (others.every((s) => s.has(d)) && ++n > VERIFY_LIMIT) return true;
  return false;
}

/** The pairs of the table whose simplified character occurs in the folded texts. */
function pairsUsed(postings: Map<string, Posting>): string {
  let out = '';
  for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) if (postings.has(TRADITIONAL_PAIRS[i + 1])) out += TRADITIONAL_PAIRS.slice(i, i + 2);
  return out;
}

export function buildIndex({ documents, statuses, topics }: IndexInput): BuiltIndex {
  useTraditionalPairs(TRADITIONAL_PAIRS);
  const order = [...documents].sort((a, b) => DOC_KINDS.indexOf(a.kind) - DOC_KINDS.indexOf(b.kind));
  const kinds = {} as SearchManifest['kinds'];
  for (const kind of DOC_KINDS) kinds[kind] = { first: order.findIndex((d) => d.kind === kind), count: order.filter((d) => d.kind === kind).length };
  for (const kind of DOC_KINDS) if (kinds[kind].count === 0) kinds[kind].first = order.length;

  const postings = new Map<string, Posting>();
  const records: DocRecord[] = [];
  order.forEach((doc, index) => {
    const folded = foldText(doc.text).folded;
    const title = foldText(doc.title).folded;
    records.push({ status: doc.status, topics: doc.topics, length: folded.length });
    for (const [gram, count] of gramsOf(folded)) {
      let p = postings.get(gram);
      if (!p) postings.set(gram, (p = { docs: [], counts: [], inTitle: [] }));
      p.docs.push(index);
      p.counts.push(count);
      p.inTitle.push(title.includes(gram));
    }
  });
  const pairSets = new Map<string, Set<number>>();
  for (const [gram, p] of postings) if (gram.length > 2 && !needsOwnPosting(gram, p, postings, pairSets)) postings.delete(gram);

  const files = new Map<string, Uint8Array | string>();
  const encoded = [...postings].map(([gram, p]) => [gram, encodePosting(p)] as [string, Uint8Array]);
  const separate = encoded.filter(([, bytes]) => bytes.length > SEPARATE_BYTES);
  const bucketed = encoded.filter(([, bytes]) => bytes.length <= SEPARATE_BYTES);
  const buckets = Math.max(1, Math.ceil(bucketed.reduce((n, [g, b]) => n + b.length + g.length + 2, 0) / BUCKET_BYTES));
  const byBucket: [string, Uint8Array][][] = Array.from({ length: buckets }, () => []);
  for (const entry of bucketed) byBucket[bucketOf(entry[0], buckets)].push(entry);

  const fragments: Fragment[] = order.map(({ url, label, title, text, source }) =>
    source ? { url, label, title, text, source } : { url, label, title, text },
  );
  const measures = records.slice(kinds.measure.first, kinds.measure.first + kinds.measure.count);

  // The edition: a hash of everything the files hold, so their folder changes with any of them.
  const hash = createHash('sha256');
  const body = { format: INDEX_FORMAT, kinds, separate: separate.map(([g]) => g), statuses, topics, buckets, traditional: pairsUsed(postings) };
  hash.update(JSON.stringify(body));
  for (const bucket of byBucket) for (const [g, b] of bucket) hash.update(g).update(b);
  for (const [g, b] of separate) hash.update(g).update(b);
  hash.update(JSON.stringify(records)).update(JSON.stringify(fragments));
  const edition = hash.digest('hex').slice(0, 12);

  const manifest: SearchManifest = {
    format: INDEX_FORMAT,
    edition,
    kinds,
    averageLength: records.reduce((n, r) => n + r.length, 0) / Math.max(1, records.length),
    buckets,
    separate: body.separate,
    statuses,
    topics,
    traditional: body.traditional,
    statusCounts: statuses.map((_, i) => measures.filter((r) => r.status === i).length),
    topicCounts: topics.map((_, i) => measures.filter((r) => r.topics.includes(i)).length),
  };
  files.set(MANIFEST_PATH, JSON.stringify(manifest));
  byBucket.forEach((entries, i) => files.set(bucketPath(edition, i), deflated(encodeBucket(entries.sort((a, b) => (a[0] < b[0] ? -1 : 1))))));
  for (const [gram, bytes] of separate) files.set(separatePath(edition, gram), deflated(bytes));
  for (let block = 0; block * RECORD_BLOCK < records.length; block++) {
    files.set(recordsPath(edition, block), deflated(encodeRecords(records.slice(block * RECORD_BLOCK, (block + 1) * RECORD_BLOCK))));
  }
  fragments.forEach((f, i) => files.set(fragmentPath(edition, i), JSON.stringify(f)));
  return { manifest, postings, records, fragments, files };
}
