/**
 * The search index as the browser reads it: the manifest, then each file when a query first
 * needs it, each fetched once per page (the browser's cache and the offline worker keep them
 * across pages). The files of one edition never change, so only the manifest is revalidated.
 */
import {
  bucketOf,
  bucketPath,
  decodeBucket,
  decodePosting,
  fragmentPath,
  MANIFEST_PATH,
  RECORD_BLOCK,
  recordsPath,
  separatePath,
  decodeRecords,
  type DocRecord,
  type Fragment,
  type Posting,
  type SearchManifest,
} from '../../pure/search/index-format.ts';
import type { IndexStore } from '../../pure/search/store.ts';
import { inflated } from './inflated.ts';

async function fetched(url: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`Search: ${url} answered ${response.status}`);
  return response;
}

/** A binary file of the index, inflated. */
const bytesOf = async (url: string) => inflated(await fetched(url));

export class FetchedStore implements IndexStore {
  private readonly files = new Map<string, Promise<unknown>>();
  private readonly separate: Set<string>;
  readonly manifest: SearchManifest;
  private readonly base: string;

  constructor(manifest: SearchManifest, base: string) {
    this.manifest = manifest;
    this.base = base;
    this.separate = new Set(manifest.separate);
  }

  /** The manifest at `base` (the site's base URL); `early`, the loader's request for it, if any. */
  static async open(base: string, early?: Promise<Response>): Promise<FetchedStore> {
    let response = early ? await early.catch(() => undefined) : undefined;
    // no-cache: revalidated, so a page never uses an old edition's files.
    if (!response?.ok) response = await fetched(`${base}${MANIFEST_PATH}`, { cache: 'no-cache' });
    return new FetchedStore((await response.json()) as SearchManifest, base);
  }

  private once<T>(path: string, read: (url: string) => Promise<T>): Promise<T> {
    let file = this.files.get(path) as Promise<T> | undefined;
    if (!file) {
      file = read(`${this.base}${path}`);
      this.files.set(path, file);
      file.catch(() => this.files.delete(path));
    }
    return file;
  }

  async posting(gram: string): Promise<Posting | undefined> {
    const { edition, buckets } = this.manifest;
    if (this.separate.has(gram)) return this.once(separatePath(edition, gram), async (url) => decodePosting(await bytesOf(url)));
    const bucket = await this.once(bucketPath(edition, bucketOf(gram, buckets)), async (url) => decodeBucket(await bytesOf(url)));
    const bytes = bucket.get(gram);
    return bytes ? decodePosting(bytes) : undefined;
  }

  async records(docs: readonly number[]): Promise<DocRecord[]> {
    const blocks = new Map<number, Promise<DocRecord[]>>();
    for (const d of docs) {
      const block = Math.floor(d / RECORD_BLOCK);
      if (!blocks.has(block))
        blocks.set(
          block,
          this.once(recordsPath(this.manifest.edition, block), async (url) => decodeRecords(await bytesOf(url))),
        );
    }
    const loaded = new Map<number, DocRecord[]>();
    await Promise.all([...blocks].map(async ([b, p]) => loaded.set(b, await p)));
    return docs.map((d) => loaded.get(Math.floor(d / RECORD_BLOCK))![d % RECORD_BLOCK]);
  }

  fragment(doc: number): Promise<Fragment> {
    return this.once(fragmentPath(this.manifest.edition, doc), async (url) => (await (await fetched(url)).json()) as Fragment);
  }
}
