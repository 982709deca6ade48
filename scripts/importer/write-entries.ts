/**
 * Writes entry files without ever losing an editor's work. The importer records, per file, a
 * hash of what it last wrote; a file whose content still has that hash is the importer's own and
 * may be rewritten. A file that differs from it was changed by an editor and is left alone
 * unless the caller forces it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { EntryFile } from './build-entries.ts';
import { splitEntryFile, withLf } from '../../src/pure/model/entry-file.ts';

export const MANIFEST = '.import-manifest.json';

export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'overwritten';

export interface WriteResult {
  path: string;
  outcome: Outcome;
  /** For an entry an editor changed: the frontmatter fields, and `body`, that differ from the import. */
  differences: string[];
}

export interface WriteOptions {
  /** Overwrite entries an editor changed. */
  force?: boolean;
  /** Report what would happen; write nothing. */
  dryRun?: boolean;
}

// With LF line endings: a checkout with CRLF (Windows) does not make every entry look edited.
const sha256 = (text: string) => createHash('sha256').update(withLf(text)).digest('hex');

function splitEntry(text: string): { data: Record<string, unknown>; body: string } {
  const layout = splitEntryFile(text);
  if (!('parts' in layout)) return { data: {}, body: text };
  try {
    return { data: (parse(layout.parts.frontmatter) ?? {}) as Record<string, unknown>, body: layout.parts.body };
  } catch {
    return { data: {}, body: layout.parts.body };
  }
}

/** Which frontmatter fields, and whether the body, differ between two entry files. */
export function entryDifferences(current: string, imported: string): string[] {
  const a = splitEntry(current);
  const b = splitEntry(imported);
  const keys = [...new Set([...Object.keys(b.data), ...Object.keys(a.data)])];
  const fields = keys.filter((k) => JSON.stringify(a.data[k]) !== JSON.stringify(b.data[k]));
  if (a.body.trim() !== b.body.trim()) fields.push('body');
  return fields;
}

export function writeEntries(contentDir: string, files: EntryFile[], options: WriteOptions = {}): WriteResult[] {
  const manifestPath = join(contentDir, MANIFEST);
  const manifest: Record<string, string> = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
  const results: WriteResult[] = [];

  for (const file of files) {
    const target = join(contentDir, file.path);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    let outcome: Outcome;
    let differences: string[] = [];
    if (current === undefined) outcome = 'created';
    else if (current === file.text) outcome = 'unchanged';
    else if (manifest[file.path] === sha256(current)) outcome = 'updated';
    else {
      differences = entryDifferences(current, file.text);
      outcome = options.force ? 'overwritten' : 'skipped';
    }
    if (outcome !== 'skipped' && outcome !== 'unchanged' && !options.dryRun) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.text);
    }
    if (outcome !== 'skipped') manifest[file.path] = sha256(file.text);
    results.push({ path: file.path, outcome, differences });
  }

  if (!options.dryRun) {
    const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
    const text = `${JSON.stringify(sorted, null, 2)}\n`;
    if (!existsSync(manifestPath) || readFileSync(manifestPath, 'utf8') !== text) writeFileSync(manifestPath, text);
  }
  return results;
}
