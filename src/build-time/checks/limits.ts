/**
 * How large an entry may be. The report's entries are a few kilobytes (the largest about 5 KB);
 * the limit is far above that and exists so that a mistaken paste (a whole document, a file
 * saved in the wrong place) is refused unread, in seconds, naming the file, instead of stalling
 * the checks, a build or the preview for minutes. Set ENTRY_MAX_BYTES to change it for every
 * command (`npm run check -- --max-entry-bytes N` for one check).
 */
export const DEFAULT_MAX_ENTRY_BYTES = 2 * 1024 * 1024;

/** The limit in force: ENTRY_MAX_BYTES when it is a whole number above 0, else the default. */
export function maxEntryBytes(): number {
  const set = Number(process.env.ENTRY_MAX_BYTES);
  return Number.isInteger(set) && set > 0 ? set : DEFAULT_MAX_ENTRY_BYTES;
}

/** A size as an editor reads it: `20.0 MB`, `800 KB`, `1023 bytes` (exact where a rounding could make two sizes look alike). */
export function shownSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return bytes >= 10 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}
