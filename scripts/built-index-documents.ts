/**
 * The documents a built site's search index was made from, read back from its files (each
 * document's fragment and record): for the benchmarks that build the index again
 * (bench-search-index.ts) or a competitor's index of the same texts (bench-search.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchDocument } from '../src/build-time/search/build-index.ts';
import {
  DOC_KINDS,
  decodeRecords,
  documentCount,
  fragmentPath,
  MANIFEST_PATH,
  RECORD_BLOCK,
  recordsPath,
  type Fragment,
  type SearchManifest,
} from '../src/pure/search/index-format.ts';

export function documentsOfBuiltIndex(site: string): { manifest: SearchManifest; documents: SearchDocument[] } {
  const manifest = JSON.parse(readFileSync(join(site, MANIFEST_PATH), 'utf8')) as SearchManifest;
  const documents: SearchDocument[] = [];
  const blocks = new Map<number, ReturnType<typeof decodeRecords>>();
  for (let doc = 0; doc < documentCount(manifest); doc++) {
    const block = Math.floor(doc / RECORD_BLOCK);
    if (!blocks.has(block)) blocks.set(block, decodeRecords(new Uint8Array(readFileSync(join(site, recordsPath(manifest.edition, block))))));
    const record = blocks.get(block)![doc % RECORD_BLOCK];
    const fragment = JSON.parse(readFileSync(join(site, fragmentPath(manifest.edition, doc)), 'utf8')) as Fragment;
    const kind = DOC_KINDS.find((k) => doc >= manifest.kinds[k].first && doc < manifest.kinds[k].first + manifest.kinds[k].count)!;
    documents.push({ ...fragment, kind, status: record.status, topics: record.topics });
  }
  return { manifest, documents };
}
