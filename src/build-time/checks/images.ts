/**
 * The images of an entry: the build copies each into the site, so an image must be a picture
 * file inside the content folder that exists. An address that climbs out of it (`../../../etc/
 * hostname`), a site or web address, a file that is missing or not a picture is an error at the
 * image's line — found by the checks, before the build reads any of it. Nothing of the file is
 * read: its place is all that is checked (through links too: the file it really is must be in
 * the content folder).
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { addressScheme } from '../../pure/rules/addresses.ts';
import type { BodyImage } from './entry-allowlist.ts';
import type { Entry } from './load-entries.ts';
import { problemAt, type Problem } from '../../pure/problems/problem.ts';

/** The picture files the site publishes from an entry. No SVG: opened by itself, an SVG file may run scripts. */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif'];

const EXPECTED = `a picture file (${IMAGE_EXTENSIONS.join(', ')}) in the content folder, such as ../images/chart.png`;

/** Whether a path is inside a folder (not the folder itself, not above it, not on another drive). */
const inside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function imageProblem(entry: Entry, contentDir: string, image: BodyImage): string | undefined {
  const { url } = image;
  if (addressScheme(url) !== undefined || url.startsWith('/') || url.startsWith('\\')) return 'is not a file in the content folder';
  let path: string;
  try {
    path = resolve(dirname(entry.path), decodeURI(url.split(/[?#]/)[0]));
  } catch {
    return 'is not a file name';
  }
  const folder = realpathOrUndefined(contentDir) ?? contentDir;
  if (!inside(resolve(contentDir), path)) return 'is outside the content folder';
  if (!IMAGE_EXTENSIONS.includes(extname(path).toLowerCase())) return 'is not a picture the site publishes';
  const real = realpathOrUndefined(path);
  if (real === undefined) return 'does not exist';
  if (!inside(folder, real)) return 'is outside the content folder';
  if (!statSync(real).isFile()) return 'is not a file';
  return undefined;
}

export function imageProblems(entry: Entry, contentDir: string, images: BodyImage[]): Problem[] {
  return images.flatMap((image) => {
    const why = imageProblem(entry, contentDir, image);
    if (!why) return [];
    const found = JSON.stringify(image.url);
    return [problemAt(entry.file, image.place, { field: 'image', found, expected: EXPECTED, message: `${found} ${why}; expected ${EXPECTED}` })];
  });
}
