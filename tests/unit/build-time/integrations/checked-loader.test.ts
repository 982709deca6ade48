/**
 * A collection's loader whose failures the entry checks explain (src/build-time/integrations/checked-loader.ts).
 * In the preview, a loader that fails as the preview starts does not stop it, and is run again
 * after each change to an entry file until it loads; then no more. In a build (no watcher), its
 * failure stops the build with the checks' lines, or with its own error when they find nothing.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkedLoader } from '../../../../src/build-time/integrations/checked-loader.ts';
import { fixtureRoot, removeFixtures, replaceIn } from '../checks/support.ts';

afterAll(removeFixtures);

/** A loader that fails while `broken()` says so, counting its runs. */
function loader(broken: () => boolean) {
  const runs = { count: 0 };
  const inner: Loader = {
    name: 'test-loader',
    load: async () => {
      runs.count++;
      if (broken()) throw new Error('11.md: the YAML does not parse');
    },
  };
  return { inner, runs };
}

const context = (watcher?: EventEmitter, root = '/project') => ({ watcher, config: { root: pathToFileURL(`${root}/`) } }) as unknown as LoaderContext;

describe('checkedLoader', () => {
  it('lets the preview start when the loader fails, and runs it again after each change to an entry until it loads', async () => {
    let broken = true;
    const { inner, runs } = loader(() => broken);
    const watcher = new EventEmitter();
    const wrapped = checkedLoader(inner);
    expect(wrapped.name).toBe('test-loader');
    await wrapped.load(context(watcher));
    expect(runs.count).toBe(1);

    // Not an entry file: nothing happens. An entry still broken: it fails again, quietly.
    watcher.emit('change', '/project/src/pages/index.astro');
    watcher.emit('change', '/project/content/measures/11.md');
    await expect.poll(() => runs.count).toBe(2);

    broken = false;
    watcher.emit('change', '/project/content/measures/11.md');
    await expect.poll(() => runs.count).toBe(3);
    // Loaded: from now on the loader watches its files itself.
    expect(watcher.listenerCount('change')).toBe(0);
    watcher.emit('change', '/project/content/measures/12.md');
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs.count).toBe(3);
  });

  it('leaves a loader that loads at once alone', async () => {
    const { inner, runs } = loader(() => false);
    const watcher = new EventEmitter();
    await checkedLoader(inner).load(context(watcher));
    expect(runs.count).toBe(1);
    expect(watcher.eventNames()).toEqual([]);
  });

  it('stops a build with the lines of the checks when the loader fails, or with its own error when they find nothing', async () => {
    const root = fixtureRoot();
    const { inner } = loader(() => true);
    const printed = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(checkedLoader(inner).load(context(undefined, root))).rejects.toThrow('11.md: the YAML does not parse');
      expect(printed).not.toHaveBeenCalled();
      replaceIn(root, 'content/measures/02.md', /^status: .*$/m, 'status: 已完');
      await expect(checkedLoader(inner).load(context(undefined, root))).rejects.toThrow(/^1 error, 0 warnings in \d+ entries: nothing was built$/);
      expect(String(printed.mock.calls[0]?.[0])).toContain('content/measures/02.md:');
    } finally {
      printed.mockRestore();
    }
  });
});
