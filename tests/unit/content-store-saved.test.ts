/** The preview's wait for Astro's content store (src/integrations/content-store-saved.ts). */
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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
  it('resolves once the file is written after the change, not before, and not at the limit', async () => {
    const file = join(dir, 'data-store.json');
    writeFileSync(file, '{}');
    utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const since = Date.now();
    setTimeout(() => writeFileSync(file, '{"fixed":true}'), 150);
    // true means it saw the write (at the limit it answers false); the file then holds what was written.
    expect(await writtenSince(file, since, 60_000)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"fixed":true}');
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
    expect(await writtenSince(file, since, 60_000)).toBe(true);
  });
});
