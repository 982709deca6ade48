/**
 * The search index as a build publishes it: the documents handed over by the pages' code reach
 * the integration's listener, and the index's thread writes exactly the files buildIndex makes,
 * or says why it could not.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex, type IndexInput } from '../../../../src/build-time/search/build-index.ts';
import { filesUnder } from '../../../../src/build-time/files-under.ts';
import { handOverDocuments, listenForDocuments } from '../../../../src/build-time/search/documents-handover.ts';
import { publishIndexInWorker } from '../../../../src/build-time/search/publish-in-worker.ts';

const input: IndexInput = {
  statuses: [
    { label: '已完成', slug: 'done', colour: '#070' },
    { label: '推进中', slug: 'doing', colour: '#a60' },
  ],
  topics: ['职工', '基层'],
  documents: [
    { kind: 'section', url: '/#s1', label: '首页', title: '总体情况', text: '总体情况\n整改工作全面推进', status: -1, topics: [] },
    ...Array.from({ length: 40 }, (_, i) => ({
      kind: 'measure' as const,
      url: `/measures/${i + 1}/`,
      label: `措施${i + 1}`,
      title: `第${i + 1}项：职工书屋建设`,
      text: `建设职工书屋${i}所，覆盖基层工会${i * 3}个。\n劳动模范${i % 5}名参与。`,
      source: { label: '原文第3段', url: '/source/#p3' },
      status: i % 2,
      topics: [i % 2],
    })),
    { kind: 'source', url: '/source/#p9', label: '原文第9段', title: '', text: '集中督导', status: -1, topics: [] },
  ],
};

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'search-publish-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('publishIndexInWorker', () => {
  it('writes, on its thread, exactly the files buildIndex makes, and says how many and which edition', async () => {
    const out = tempDir();
    const published = await publishIndexInWorker(input, out);
    const { files, manifest } = buildIndex(input);
    expect(filesUnder(out).sort()).toEqual([...files.keys()].sort());
    for (const [path, body] of files) expect(readFileSync(join(out, path)), path).toEqual(Buffer.from(body));
    const bytes = [...files.values()].reduce((n, b) => n + Buffer.from(b).byteLength, 0);
    expect(published).toEqual({ files: files.size, bytes, edition: manifest.edition });
  });

  it('rejects with what went wrong when the documents cannot be indexed', async () => {
    const broken = { ...input, documents: [{ ...input.documents[1], text: undefined as unknown as string }] };
    await expect(publishIndexInWorker(broken, tempDir())).rejects.toThrow(/^the search index could not be built: /);
  });
});

describe('documents handed over', () => {
  it('reach the listener as they were sent, and none after it stops listening', async () => {
    const received: IndexInput[] = [];
    let arrived!: () => void;
    const first = new Promise<void>((resolve) => (arrived = resolve));
    const stop = listenForDocuments((documents) => {
      received.push(documents);
      arrived();
    });
    handOverDocuments(input);
    await first;
    stop();
    handOverDocuments(input);
    // A message to a closed channel is dropped; a second listener sees that it was sent.
    const second = new Promise<void>((resolve) => {
      const stopSecond = listenForDocuments(() => {
        stopSecond();
        resolve();
      });
      handOverDocuments(input);
    });
    await second;
    expect(received).toEqual([input]);
  });
});
