/** The preview's wait for Astro's content store (src/integrations/content-store-saved.ts). */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writtenSince } from '../../src/integrations/content-store-saved.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writtenSince', () => {
  it('resolves as soon as the file is written after the change, well before the limit', async () => {
    const file = join(dir, 'data-store.json');
    writeFileSync(file, '{}');
    utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const since = Date.now();
    setTimeout(() => writeFileSync(file, '{"fixed":true}'), 150);
    const started = Date.now();
    expect(await writtenSince(file, since, 5_000)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('gives up at the limit when the file was last written before the change', async () => {
    const file = join(dir, 'data-store.json');
    writeFileSync(file, '{}');
    utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const started = Date.now();
    expect(await writtenSince(file, Date.now(), 200)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('waits for a file that does not exist yet', async () => {
    const file = join(dir, 'data-store.json');
    const since = Date.now();
    setTimeout(() => writeFileSync(file, '{}'), 100);
    expect(await writtenSince(file, since, 5_000)).toBe(true);
  });
});
