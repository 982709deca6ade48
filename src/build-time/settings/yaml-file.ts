/**
 * A settings file read as YAML with the place of every value, so that a problem names its line
 * and column: the `yaml` package's document, whose nodes know their range in the text.
 */
import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { problemAt, type Place, type Problem } from '../../pure/problems/problem.ts';

export interface YamlFile {
  /** The file as printed in problems. */
  file: string;
  /** The data as plain values; undefined when the YAML does not parse. */
  data: unknown;
  /** Where the value at a path is written, or its nearest ancestor that is. */
  at(path: readonly PropertyKey[]): Place | undefined;
  /** Where a key of the mapping at a path is written. */
  keyAt(path: readonly PropertyKey[], key: string): Place | undefined;
  /** What does not parse, one problem each. */
  problems: Problem[];
}

/** Reads `path` (printed as `file`); a missing file is undefined. */
export function readYamlFile(path: string, file: string): YamlFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const placeOf = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const lines = text.split(/\r?\n/);
  const problems = doc.errors.map((e) => {
    const place = placeOf(e.pos[0]);
    const written = JSON.stringify((lines[place.line - 1] ?? '').trim());
    const hint = /：/.test(lines[place.line - 1] ?? '') ? ' (the colon after a field name must be the half-width :, not ：)' : '';
    return problemAt(file, place, {
      field: 'yaml',
      found: written,
      expected: 'valid YAML',
      message: `${written} does not parse: ${e.message.split(/ at line \d+/)[0].replace(/\.$/, '')}${hint}`,
    });
  });

  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (node && typeof node === 'object' && 'range' in node && (node as Node).range) return node as Node;
    }
    return undefined;
  };
  const at = (path: readonly PropertyKey[]) => {
    const node = nodeAt(path);
    return node?.range ? placeOf(node.range[0]) : { line: 1, column: 1 };
  };
  return {
    file,
    data: problems.length ? undefined : (doc.toJS() ?? null),
    at,
    keyAt(path, key) {
      const map = path.length ? doc.getIn(path as unknown[], true) : doc.contents;
      if (isMap(map)) {
        const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
        if (pair && isScalar(pair.key) && pair.key.range) return placeOf(pair.key.range[0]);
      }
      return at(path);
    },
    problems,
  };
}
