/**
 * The preview's wait for Astro's content store (src/build-time/integrations/content-store-saved.ts): a write
 * of the store counts once the watcher has reported it after the change asked about, not a
 * write before that change; with no write, the wait ends at its limit.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentStoreFile, followContentStore } from '../../../../src/build-time/integrations/content-store-saved.ts';

const root = '/project';
const entry = (name: string) => join(root, 'content/measures', name);

function follow() {
  const watcher = new EventEmitter();
  const store = followContentStore(watcher, root, (path) => path.startsWith(join(root, 'content')) && path.endsWith('.md'));
  return { watcher, store };
}

/** Whether the promise has settled, and how, once the events already queued have run. */
async function state<T>(promise: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setImmediate(() => resolve('pending')))]);
}

describe('followContentStore', () => {
  it('counts the changes to entry files, not to other files or the store', () => {
    const { watcher, store } = follow();
    watcher.emit('change', entry('01.md'));
    watcher.emit('add', entry('31.md'));
    watcher.emit('change', join(root, 'src/pages/index.astro'));
    watcher.emit('change', contentStoreFile(root));
    expect(store.changesSeen()).toBe(2);
  });

  it('resolves once the store is written after the change, not on a write before it', async () => {
    const { watcher, store } = follow();
    watcher.emit('change', entry('01.md'));
    const change = store.changesSeen();
    watcher.emit('change', contentStoreFile(root));
    watcher.emit('change', entry('02.md'));
    const waited = store.writtenAfter(store.changesSeen(), 60_000);
    expect(await state(waited)).toBe('pending');
    watcher.emit('change', contentStoreFile(root));
    expect(await state(waited)).toBe(true);
    // A write already seen after a change answers at once.
    expect(await state(store.writtenAfter(change, 60_000))).toBe(true);
  });

  it('gives up at the limit when the store is not written', async () => {
    const { watcher, store } = follow();
    watcher.emit('change', entry('01.md'));
    expect(await store.writtenAfter(store.changesSeen(), 10)).toBe(false);
  });
});
