/**
 * Imports point one way (docs/architecture.md): the pages, layouts and components may use any
 * code; build code (Node, at build time) and browser code (the reader's browser) use pure code
 * and their own; pure code runs anywhere, so it uses only pure code — no Node module, no
 * astro:* module, no Node or DOM global. Read from every file's own imports, as TypeScript
 * parses them (type-only imports too: a type from build code ties pure code to it all the same).
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { filesUnder } from '../../src/build-time/files-under.ts';
import { ROOT } from '../support/paths.ts';

type Place = 'pure' | 'build' | 'browser' | 'site' | 'styles' | 'outside';

/** Where a file under src/ runs, by its first folder. */
function placeOf(path: string): Place {
  const [top, first] = path.split('/');
  if (top !== 'src') return 'outside';
  if (first === 'pure' || first === 'browser') return first;
  if (first === 'build-time') return 'build';
  if (first === 'styles') return 'styles';
  return 'site';
}

/** What each place may import from the source tree. The site (pages, layouts, components, content.config.ts) may import anything. */
const MAY_IMPORT: Record<Exclude<Place, 'outside'>, readonly Place[]> = {
  pure: ['pure'],
  build: ['pure', 'build'],
  browser: ['pure', 'browser', 'styles'],
  site: ['pure', 'build', 'browser', 'site', 'styles'],
  styles: ['styles'],
};

/**
 * Inside pure/ and build-time/ the folders are layered as well: a file imports from its own folder or
 * from a folder of a lower floor (docs/architecture.md). A new folder takes its floor here.
 */
const FLOORS: Record<string, number> = {
  'pure/rules': 4,
  'pure/diagrams': 3,
  'pure/text': 2,
  'pure/problems': 2,
  'pure/site': 2,
  'pure/search': 2,
  'pure/model': 1,
  'pure/once.ts': 0,
  'build-time/integrations': 6,
  'build-time/search': 5,
  'build-time/checks': 4,
  'build-time/site': 4,
  'build-time/markdown': 3,
  'build-time/diagrams': 2,
  'build-time/settings': 1,
  'build-time/files-under.ts': 1,
  'build-time/worker-thread.ts': 1,
};

/** `build-time/checks` for `src/build-time/checks/index.ts`. */
const roomOf = (path: string) => path.split('/').slice(1, 3).join('/');

const NODE_MODULES = new Set(builtinModules);
const isNodeModule = (specifier: string) => specifier.startsWith('node:') || NODE_MODULES.has(specifier.split('/')[0]);

/** Globals that tie code to Node or to a page: pure code uses none of them. */
const NODE_GLOBALS = new Set(['process', 'Buffer', 'require', '__dirname', '__filename']);
const DOM_GLOBALS = new Set(['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'self']);

/** Every module a file names: import and export declarations (type-only too), import() and require(). */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The Node and DOM globals a file uses as values (`process.env`, `document.querySelector(…)`). */
function globalsUsed(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const used = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && (NODE_GLOBALS.has(node.text) || DOM_GLOBALS.has(node.text))) {
      const parent = node.parent;
      const asValue =
        (ts.isPropertyAccessExpression(parent) && parent.expression === node) ||
        (ts.isElementAccessExpression(parent) && parent.expression === node) ||
        (ts.isCallExpression(parent) && parent.expression === node);
      if (asValue) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...used];
}

interface SourceFile {
  /** From the project's root: `src/pure/model/schema.ts`. */
  path: string;
  text: string;
}

/** Each import that points the wrong way, as `file: what it imports (why not)`. */
function wrongWayImports(files: readonly SourceFile[]): string[] {
  const wrong: string[] = [];
  for (const { path, text } of files) {
    const place = placeOf(path);
    if (place === 'outside' || place === 'site') continue;
    for (const specifier of importsOf(text)) {
      if (specifier.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(path), specifier.replace(/[?#].*$/, '')));
        const targetPlace = placeOf(target);
        const [from, to] = [roomOf(path), roomOf(target)];
        if (targetPlace === place && (place === 'pure' || place === 'build') && from !== to) {
          if (FLOORS[from] === undefined || FLOORS[to] === undefined)
            wrong.push(`${path}: ${specifier} (src/${FLOORS[from] === undefined ? from : to} has no floor in FLOORS)`);
          else if (FLOORS[to] >= FLOORS[from]) wrong.push(`${path}: ${specifier} (src/${from} imports src/${to}, not on a lower floor)`);
        }
        if (targetPlace === 'outside' || !MAY_IMPORT[place].includes(targetPlace))
          wrong.push(
            `${path}: ${specifier} (${place} code imports ${targetPlace === 'site' ? 'the pages' : targetPlace === 'outside' ? 'from outside src/' : `${targetPlace} code`})`,
          );
      } else if (place !== 'build' && isNodeModule(specifier)) {
        wrong.push(`${path}: ${specifier} (${place} code imports a Node module)`);
      } else if (
        place !== 'build' &&
        (specifier.startsWith('astro:') || specifier === 'astro' || (specifier.startsWith('astro/') && specifier !== 'astro/zod'))
      ) {
        wrong.push(`${path}: ${specifier} (${place} code imports Astro's build-time modules)`);
      }
    }
    if (place === 'pure' || place === 'browser') {
      for (const name of globalsUsed(path, text)) {
        if (NODE_GLOBALS.has(name)) wrong.push(`${path}: ${name} (${place} code uses a Node global)`);
        else if (place === 'pure') wrong.push(`${path}: ${name} (pure code uses a browser global)`);
      }
    }
  }
  return wrong;
}

const CODE = /\.(ts|mts|js|mjs)$/;
const sourceFiles = (): SourceFile[] =>
  filesUnder(`${ROOT}src`)
    .filter((f) => CODE.test(f))
    .map((f) => `src/${f.split('\\').join('/')}`)
    .map((path) => ({ path, text: readFileSync(`${ROOT}${path}`, 'utf8') }));

describe('imports point one way', () => {
  test('every .astro file is the pages’ (site code, which may import anything), so reading .ts files reads all the rest', () => {
    const misplaced = filesUnder(`${ROOT}src`)
      .map((f) => `src/${f.split('\\').join('/')}`)
      .filter((path) => path.endsWith('.astro') && placeOf(path) !== 'site');
    expect(misplaced).toEqual([]);
  });

  test('no file under src/ imports against the direction', () => {
    const files = sourceFiles();
    expect(files.filter((f) => placeOf(f.path) === 'pure').length).toBeGreaterThan(20);
    expect(wrongWayImports(files)).toEqual([]);
  });

  test.each([
    ['src/pure/a.ts', "import { readFileSync } from 'node:fs';", 'src/pure/a.ts: node:fs (pure code imports a Node module)'],
    ['src/pure/a.ts', "import { join } from 'path';", 'src/pure/a.ts: path (pure code imports a Node module)'],
    ['src/pure/a.ts', "import { getCollection } from 'astro:content';", "src/pure/a.ts: astro:content (pure code imports Astro's build-time modules)"],
    [
      'src/pure/text/a.ts',
      "import type { Measure } from '../../build-time/site/report.ts';",
      'src/pure/text/a.ts: ../../build-time/site/report.ts (pure code imports build code)',
    ],
    ['src/pure/a.ts', "export { start } from '../browser/search/ui.ts';", 'src/pure/a.ts: ../browser/search/ui.ts (pure code imports browser code)'],
    ['src/pure/a.ts', "const m = await import('../build-time/x.ts');", 'src/pure/a.ts: ../build-time/x.ts (pure code imports build code)'],
    ['src/pure/a.ts', "import x from '../components/X.astro';", 'src/pure/a.ts: ../components/X.astro (pure code imports the pages)'],
    ['src/pure/a.ts', 'export const folder = () => process.env.CONTENT_DIR;', 'src/pure/a.ts: process (pure code uses a Node global)'],
    ['src/pure/a.ts', "export const box = () => document.querySelector('main');", 'src/pure/a.ts: document (pure code uses a browser global)'],
    [
      'src/browser/a.ts',
      "import { reportSettings } from '../build-time/settings/report-settings.ts';",
      'src/browser/a.ts: ../build-time/settings/report-settings.ts (browser code imports build code)',
    ],
    ['src/browser/a.ts', "import { readFile } from 'node:fs/promises';", 'src/browser/a.ts: node:fs/promises (browser code imports a Node module)'],
    [
      'src/build-time/a.ts',
      "import { start } from '../browser/search/ui.ts';",
      'src/build-time/a.ts: ../browser/search/ui.ts (build code imports browser code)',
    ],
    [
      'src/build-time/settings/a.ts',
      "import { checkContent } from '../checks/index.ts';",
      'src/build-time/settings/a.ts: ../checks/index.ts (src/build-time/settings imports src/build-time/checks, not on a lower floor)',
    ],
    [
      'src/pure/model/a.ts',
      "import { figureRowId } from '../site/anchors.ts';",
      'src/pure/model/a.ts: ../site/anchors.ts (src/pure/model imports src/pure/site, not on a lower floor)',
    ],
    [
      'src/build-time/attic/a.ts',
      "import { once } from '../../pure/once.ts';\nimport { x } from '../checks/x.ts';",
      'src/build-time/attic/a.ts: ../checks/x.ts (src/build-time/attic has no floor in FLOORS)',
    ],
    [
      'src/build-time/a.ts',
      "import { ROOT } from '../../tests/support/paths.ts';",
      'src/build-time/a.ts: ../../tests/support/paths.ts (build code imports from outside src/)',
    ],
  ])('a planted import is found: %s `%s`', (path, text, found) => {
    expect(wrongWayImports([{ path, text }])).toEqual([found]);
  });

  test.each([
    [
      'src/pure/text/a.ts',
      "import { z } from 'astro/zod';\nimport { once } from '../once.ts';\nimport { paddedNumber } from '../model/measure-number.ts';\n// document.title, process.env: words in a comment\nconst s = 'window.x';",
    ],
    ['src/pure/a.ts', 'export const size = (o: { document: { length: number } }) => o.document.length;'],
    ['src/browser/a.ts', "import { search } from '../pure/search/search.ts';\nimport css from '../styles/search.css?inline';\ndocument.title = css;"],
    [
      'src/build-time/site/a.ts',
      "import { readFileSync } from 'node:fs';\nimport { getCollection } from 'astro:content';\nimport { once } from '../../pure/once.ts';\nimport { linkVerdict } from '../markdown/measure-links.ts';",
    ],
    ['src/pages/a.astro', "import { start } from '../browser/search/ui.ts';\nimport { allMeasures } from '../build-time/site/report.ts';"],
  ])('an import that points the right way passes: %s', (path, text) => {
    expect(wrongWayImports([{ path, text }])).toEqual([]);
  });
});
