/**
 * An entry's frontmatter for the checks: its data, read with js-yaml, the YAML reader Astro reads
 * frontmatter with, so that the checks see what the build will; and where each value is written
 * (line and column in the file). Where a value is, and what is wrong with YAML that does not
 * parse, come from the `yaml` package's document, which knows every node's place and words its
 * errors for people; it is made only when a check asks for a place or js-yaml fails (most entries
 * need neither, and the document took half the checks' time).
 *
 * A frontmatter that uses a YAML alias is not read into values at all (entry-screen.ts).
 */
import { load as loadYaml, YAMLException } from 'js-yaml';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { FRONTMATTER_LINE } from '../../pure/model/entry-file.ts';
import { yamlAliasAt } from './entry-screen.ts';
import { problemAt, type Place, type Problem } from '../../pure/problems/problem.ts';

export interface Frontmatter {
  /** The data as plain values; undefined when the YAML could not be read. */
  data: unknown;
  /** Where a value is: the node at the path, or its nearest ancestor that exists. */
  at(path: readonly PropertyKey[]): Place;
  /** Where a key of a mapping is written (for a field that should not be there). */
  keyAt(path: readonly PropertyKey[], key: string): Place;
}

/** The frontmatter as a YAML document whose nodes know their place, and the place in the file of an offset in it. */
function frontmatterDocument(yamlText: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const placeOfOffset = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + FRONTMATTER_LINE - 1, column: col };
  };
  return { doc, placeOfOffset };
}

/** A YAML error in words an editor can act on, with a hint for the usual slips. */
function yamlProblem(code: string, message: string, lineText: string, warning: boolean) {
  const read = message.split(/ at line \d+/)[0].replace(/\.$/, '');
  const reason = /Maximum call stack/.test(read) ? 'nested too deeply to be read' : read;
  let hint = '';
  if (/^\s*[A-Za-z]+：/.test(lineText)) hint = ' (the colon after a field name must be the half-width :, not ：)';
  else if (/\t/.test(lineText)) hint = ' (indent with spaces, not tabs)';
  else if (code === 'BLOCK_AS_IMPLICIT_KEY' || /Nested mappings/.test(reason)) hint = ' (put text that holds a colon ": " in quotes)';
  else if (code === 'DUPLICATE_KEY') hint = ' (each field may be given once)';
  const found = JSON.stringify(lineText.trim().length > 60 ? `${lineText.trim().slice(0, 60)}…` : lineText.trim());
  return {
    field: 'yaml',
    found,
    expected: 'valid YAML',
    message: `${found} does not parse: ${reason}${hint}`,
    ...(warning ? { severity: 'warning' as const } : {}),
  };
}

/** Reads a frontmatter's data and places; what is wrong with it goes into `problems`. */
export function readFrontmatter(file: string, yamlText: string, problems: Problem[]): Frontmatter {
  let document: ReturnType<typeof frontmatterDocument> | undefined;
  const placed = () => (document ??= frontmatterDocument(yamlText));
  const lineOf = (line: number) => yamlText.split(/\r?\n/)[line - FRONTMATTER_LINE] ?? '';

  let data: unknown;
  const alias = yamlAliasAt(yamlText);
  if (alias !== undefined) {
    const place = placed().placeOfOffset(alias.offset);
    const found = JSON.stringify(alias.alias);
    problems.push(
      problemAt(file, place, {
        field: 'yaml',
        found,
        expected: 'each value written out',
        message: `${found} is a YAML alias; expected each value written out (aliases can stand for more values than any machine holds: the fields were not read)`,
      }),
    );
  } else {
    try {
      // An empty frontmatter reads as null, as the document gives it.
      data = loadYaml(yamlText) ?? null;
    } catch (error) {
      if (error instanceof RangeError) {
        // Nested deeper than a reader's stack (thousands of [ or { ): no field is that deep.
        problems.push(
          problemAt(
            file,
            { line: FRONTMATTER_LINE, column: 1 },
            {
              field: 'yaml',
              found: 'nesting too deep to read',
              expected: 'fields nested a few levels deep',
              message: 'is nested too deeply to be read; expected fields nested a few levels deep',
            },
          ),
        );
      } else if (error instanceof YAMLException) {
        const { doc, placeOfOffset } = placed();
        if (doc.errors.length > 0) {
          for (const e of [...doc.errors, ...doc.warnings]) {
            const at = placeOfOffset(e.pos[0]);
            // How deep a reader got before its stack ran out varies: the line says where, not the column.
            const place = /Maximum call stack/.test(e.message) ? { line: at.line, column: 1 } : at;
            problems.push(problemAt(file, place, yamlProblem(e.code, e.message, lineOf(place.line), e.name === 'YAMLWarning')));
          }
        } else {
          // The `yaml` package reads it, at most with a warning (a tag it does not know …), but Astro's
          // reader does not: an error all the same, told where `yaml` saw something amiss if it did.
          const warning = doc.warnings[0];
          const place = warning ? placeOfOffset(warning.pos[0]) : { line: error.mark.line + FRONTMATTER_LINE, column: error.mark.column + 1 };
          problems.push(problemAt(file, place, yamlProblem(warning?.code ?? 'UNREADABLE', warning?.message ?? error.reason, lineOf(place.line), false)));
        }
      } else throw error;
      data = undefined;
    }
  }

  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    const { doc } = placed();
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (node && typeof node === 'object' && 'range' in node && (node as Node).range) return node as Node;
    }
    return undefined;
  };

  const reading: Frontmatter = {
    data,
    at(path) {
      const node = nodeAt(path);
      return node?.range ? placed().placeOfOffset(node.range[0]) : { line: FRONTMATTER_LINE, column: 1 };
    },
    keyAt(path, key) {
      const { doc, placeOfOffset } = placed();
      const map = path.length ? doc.getIn(path as unknown[], true) : doc.contents;
      if (isMap(map)) {
        const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
        if (pair && isScalar(pair.key) && pair.key.range) return placeOfOffset(pair.key.range[0]);
      }
      return reading.at(path);
    },
  };
  return reading;
}
