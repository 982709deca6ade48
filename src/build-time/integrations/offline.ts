/**
 * Makes the built site readable offline: after the build (and after the search index is
 * written, so it is included), lists every file of the site, derives a version from their
 * contents, and writes the service worker (`sw.js`) that caches them all on a reader's first
 * visit. Registration and the "new edition" notice are in src/browser/offline/register.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { filesUnder } from '../files-under.ts';
import { withBase } from '../../pure/site/site-paths.ts';
import { serviceWorkerSource } from './service-worker.ts';

export const SERVICE_WORKER_FILE = 'sw.js';

/** The URL a file is served at: `measures/07/index.html` → `<base>measures/07/`. */
export function urlOfFile(path: string, base: string): string {
  const url = path.split(sep).join('/');
  return base + (url === 'index.html' ? '' : url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url);
}

export default function offline(): AstroIntegration {
  let base = '/';
  return {
    name: 'report-offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withBase(config.base, '');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const files = filesUnder(out)
          // Not the worker itself, nor files a reader never asks for.
          .filter((f) => f !== SERVICE_WORKER_FILE && !f.startsWith(`.prerender${sep}`) && !/^sitemap.*\.xml$/.test(f))
          .sort();
        const hash = createHash('sha256');
        // Read one after another, synchronously: nothing else runs at this point of the build, and
        // 10 000 small files read this way take a third of the time that awaited reads do.
        for (const f of files) hash.update(f).update(readFileSync(join(out, f)));
        const version = hash.digest('hex').slice(0, 16);
        await writeFile(
          join(out, SERVICE_WORKER_FILE),
          serviceWorkerSource(
            files.map((f) => urlOfFile(f, base)),
            version,
            base,
          ),
        );
        logger.info(`service worker caches ${files.length} files, edition ${version} (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
