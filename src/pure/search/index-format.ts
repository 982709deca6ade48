/**
 * The search index as published: what its files are called and hold, and the rules that decide
 * which character sequences ("grams") it lists. Written at build time (src/build-time/search/), read
 * in the browser (src/browser/search/) and by the unit tests; nothing here runs I/O.
 *
 * A reader's first search fetches the manifest, then only the files its words need: the
 * postings of one to a few grams, the records of the documents they list, and the fragments
 * (title and text) of the results shown. Nothing a query fetches holds the whole report.
 *
 * - Documents are numbered in report order, by kind: the introductory sections, the measures,
 *   then the source page's paragraphs that belong to neither.
 * - Every character and every pair of adjacent characters of a paragraph (after folding,
 *   normalize.ts) has a posting: the documents holding it, how often, and whether their title
 *   holds it. A word of three or four characters has a posting of its own when the postings of
 *   its pairs leave more than VERIFY_LIMIT documents that might hold it; otherwise the browser
 *   reads those few documents' text to tell (verifies). A longer word is the intersection of
 *   its four-character pieces, verified in the documents' text: at once when they are
 *   VERIFY_LIMIT or fewer, otherwise a page of results at a time (ranked.ts).
 * - Postings are grouped into bucket files by a hash of the gram; a posting larger than
 *   SEPARATE_BYTES has a file of its own, named in the manifest.
 * - The binary files (`.bin`: buckets, separate postings, record blocks) are published
 *   compressed with raw deflate (RFC 1951), and inflated by whoever reads them: hosts send
 *   `application/octet-stream` as it is, and these bytes shrink to a twentieth.
 */
import { ByteReader, ByteWriter } from './varint.ts';

/** Where the index lives, relative to the site's base. */
export const INDEX_FOLDER = 'search-index/';
/** The one file with a fixed name: it names the edition whose files the others are. */
export const MANIFEST_PATH = `${INDEX_FOLDER}manifest.json`;

/** The longest gram with a posting of its own. */
export const MAX_GRAM = 4;
/** At most this many documents' text is read at once to verify a word the postings cannot decide (more: a page at a time). */
export const VERIFY_LIMIT = 24;
/** A posting of more bytes than this is a file of its own rather than part of a bucket. */
export const SEPARATE_BYTES = 2048;
/** About this many bytes of postings in a bucket file. */
export const BUCKET_BYTES = 4096;
/** Document records per file. */
export const RECORD_BLOCK = 512;

export const DOC_KINDS = ['section', 'measure', 'source'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** The version of this format: in the manifest, and in the edition's hash, so no reader mixes two formats' files. */
export const INDEX_FORMAT = 3;

export interface SearchManifest {
  format: typeof INDEX_FORMAT;
  /** A hash of every index file: their folder, so a page never mixes two builds' files. */
  edition: string;
  /** The documents of each kind are numbered from `first` to `first + count - 1`. */
  kinds: Record<DocKind, { first: number; count: number }>;
  /** Average folded length of the documents, for BM25. */
  averageLength: number;
  /** Number of bucket files. */
  buckets: number;
  /** The grams whose postings have files of their own. */
  separate: string[];
  /** The status vocabulary, in its order. */
  statuses: { label: string; slug: string; colour: string }[];
  /** The topic vocabulary, in its order. */
  topics: string[];
  /** The traditional-to-simplified pairs whose simplified character the documents use (normalize.ts, useTraditionalPairs). */
  traditional: string;
  /** How many measures have each status, and each topic: the search page's counts with no query. */
  statusCounts: number[];
  topicCounts: number[];
}

/** What the index knows of each document: enough to filter, count and rank without its text. */
export interface DocRecord {
  /** Index into SearchManifest.statuses; -1 for a document that is not a measure. */
  status: number;
  /** Indexes into SearchManifest.topics. */
  topics: number[];
  /** Folded length of its text (title included), for BM25. */
  length: number;
}

/** A document as shown in the results: fetched only for the results on screen (and to verify). */
export interface Fragment {
  /** Its place on the site, with the base (a page, or a page and a fragment id). */
  url: string;
  /** How the results name where it stands: `（12）`, `首页`, `原文第1段`. */
  label: string;
  /** Its title: a measure's lead sentence, a section's heading; empty for a source paragraph. */
  title: string;
  /** Its text, one paragraph per line, as the reader reads it. */
  text: string;
  /** Where the same words stand on the source page, when the document is elsewhere. */
  source?: { label: string; url: string };
}

/** The documents holding a gram, in document order, with their counts and title flags. */
export interface Posting {
  docs: number[];
  /** Occurrences, not overlapping, in each document's text. */
  counts: number[];
  /** Whether each document's title holds the gram. */
  inTitle: boolean[];
}

export const editionFolder = (edition: string) => `${INDEX_FOLDER}${edition}/`;
export const bucketPath = (edition: string, bucket: number) => `${editionFolder(edition)}b${bucket}.bin`;
export const separatePath = (edition: string, gram: string) =>
  `${editionFolder(edition)}g${[...gram].map((c) => c.codePointAt(0)!.toString(16)).join('-')}.bin`;
export const recordsPath = (edition: string, block: number) => `${editionFolder(edition)}d${block}.bin`;
export const fragmentPath = (edition: string, doc: number) => `${editionFolder(edition)}f${doc}.json`;

/** The bucket of a gram: FNV-1a over its UTF-16 units. */
export function bucketOf(gram: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    hash ^= gram.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/** The adjacent pairs of a folded word of two or more units. */
export function pairsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 <= word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}

/** Four-unit pieces that together cover a longer word: at 0, 4, 8 … and at its end. */
export function coverOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + MAX_GRAM <= word.length; i += MAX_GRAM) out.push(word.slice(i, i + MAX_GRAM));
  const last = word.slice(word.length - MAX_GRAM);
  if (!out.includes(last)) out.push(last);
  return out;
}

/** Occurrences of `word` in `text`, not overlapping (as BM25 counts them here). */
export function countIn(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

export function encodePosting(p: Posting): Uint8Array {
  const w = new ByteWriter().uint(p.docs.length);
  let previous = -1;
  p.docs.forEach((doc, i) => {
    w.uint(doc - previous - 1).uint(p.counts[i] * 2 + (p.inTitle[i] ? 1 : 0));
    previous = doc;
  });
  return w.finish();
}

export function decodePosting(bytes: Uint8Array): Posting {
  const r = new ByteReader(bytes);
  const n = r.uint();
  const p: Posting = { docs: new Array(n), counts: new Array(n), inTitle: new Array(n) };
  let doc = -1;
  for (let i = 0; i < n; i++) {
    doc += r.uint() + 1;
    const v = r.uint();
    p.docs[i] = doc;
    p.counts[i] = Math.floor(v / 2);
    p.inTitle[i] = v % 2 === 1;
  }
  return p;
}

/** A bucket file: each gram (its length and UTF-16 units), then its posting's length and bytes. */
export function encodeBucket(entries: [string, Uint8Array][]): Uint8Array {
  const w = new ByteWriter();
  for (const [gram, posting] of entries) {
    w.uint(gram.length);
    for (let i = 0; i < gram.length; i++) w.uint(gram.charCodeAt(i));
    w.uint(posting.length).raw(posting);
  }
  return w.finish();
}

export function decodeBucket(bytes: Uint8Array): Map<string, Uint8Array> {
  const r = new ByteReader(bytes);
  const out = new Map<string, Uint8Array>();
  while (!r.done) {
    const length = r.uint();
    let gram = '';
    for (let i = 0; i < length; i++) gram += String.fromCharCode(r.uint());
    out.set(gram, r.slice(r.uint()));
  }
  return out;
}

/** A block of document records: for each, status + 1, its number of topics, the topics, its length. */
export function encodeRecords(records: DocRecord[]): Uint8Array {
  const w = new ByteWriter();
  for (const r of records) {
    w.uint(r.status + 1).uint(r.topics.length);
    for (const t of r.topics) w.uint(t);
    w.uint(r.length);
  }
  return w.finish();
}

export function decodeRecords(bytes: Uint8Array): DocRecord[] {
  const r = new ByteReader(bytes);
  const out: DocRecord[] = [];
  while (!r.done) {
    const status = r.uint() - 1;
    const topics: number[] = [];
    for (let n = r.uint(); n > 0; n--) topics.push(r.uint());
    out.push({ status, topics, length: r.uint() });
  }
  return out;
}

/** The kind of document `doc` is. */
export function kindOf(manifest: SearchManifest, doc: number): DocKind {
  for (const kind of DOC_KINDS) {
    const { first, count } = manifest.kinds[kind];
    if (doc >= first && doc < first + count) return kind;
  }
  throw new Error(`search index: no document ${doc}`);
}

export const documentCount = (manifest: SearchManifest) => DOC_KINDS.reduce((n, k) => n + manifest.kinds[k].count, 0);
