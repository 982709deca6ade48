/**
 * Reads a report's settings from its content folder — `publication.yaml` and
 * `vocabularies.yaml`, declared in src/pure/model/settings-schema.ts — and says what is wrong with
 * them the way the entry checks say it of an entry: file, line, column, field, what was found and
 * what was expected. The source file they name is checked against its recorded SHA-256.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { z } from 'astro/zod';
import { fieldName, problemAt, shown, type Problem } from '../../pure/problems/problem.ts';
import { schemaProblems } from '../../pure/problems/schema-issues.ts';
import { publicationSchema, vocabulariesSchema, type Publication, type Vocabularies } from '../../pure/model/settings-schema.ts';
import { parseSourcePage } from '../../pure/text/source-page.ts';
import { readYamlFile, type YamlFile } from './yaml-file.ts';

/** The settings files of a content folder. */
export const SETTINGS_FILES = { publication: 'publication.yaml', vocabularies: 'vocabularies.yaml' } as const;

export interface ReportSettings {
  publication: Publication;
  vocabularies: Vocabularies;
  /** The content folder, absolute. */
  folder: string;
  /** The source file, absolute (publication.source.file in the folder). */
  sourcePath: string;
}

export interface SettingsReading {
  /**
   * The settings, when both files are valid by their schemas (the entries can be checked
   * against them), even when the source file has a problem.
   */
  settings?: ReportSettings;
  problems: Problem[];
}

/** A path as problems print it: relative to the root when inside it, with `/`. */
function printed(root: string, path: string): string {
  const rel = relative(root, path);
  return (rel && !rel.startsWith('..') ? rel : path).split(sep).join('/');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** The schema's verdict on a settings file, as problems with their places. */
function validated<S extends z.ZodType>(yaml: YamlFile, schema: S, what: string): { data?: z.infer<S>; problems: Problem[] } {
  if (yaml.problems.length) return { problems: yaml.problems };
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    return {
      problems: [
        problemAt(
          yaml.file,
          { line: 1, column: 1 },
          {
            field: 'file',
            found: shown(yaml.data),
            expected: `the fields of ${what}`,
            message: `holds ${yaml.data === null ? 'nothing' : shown(yaml.data)}; expected the fields of ${what} (see src/pure/model/settings-schema.ts)`,
          },
        ),
      ],
    };
  }
  const result = schema.safeParse(yaml.data);
  if (result.success) return { data: result.data, problems: [] };
  // Issues whose message the schema words itself (a date's form, a repeated label, a kind not
  // listed); the others are worded from the schema, as for an entry.
  const worded = (i: z.core.$ZodIssue) => i.code === 'custom' || i.code === 'invalid_format';
  const own = result.error.issues.filter(worded);
  const rest = result.error.issues.filter((i) => !worded(i));
  const problems = own.map((issue) => {
    const value = valueAt(yaml.data, issue.path);
    const field = fieldName(issue.path);
    const message = issue.code === 'custom' ? issue.message : `${shown(value)} is not ${issue.message}`;
    return problemAt(yaml.file, yaml.at(issue.path), {
      field,
      found: shown(value),
      expected: issue.code === 'custom' ? message.replace(/^.*; expected /, '') : issue.message,
      message,
    });
  });
  if (rest.length)
    problems.push(...schemaProblems(yaml, schema, { success: false, error: { ...result.error, issues: rest } } as z.ZodSafeParseResult<unknown>));
  return { problems };
}

/** Whether `path` lies inside `folder` once links are followed (no source outside the content folder is published). */
function inside(folder: string, path: string): boolean {
  const rel = relative(realpathSync(folder), realpathSync(path));
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}

/** The source file's problems: missing, outside the folder, or not the file its hash names. */
function sourceProblems(yaml: YamlFile, folder: string, root: string, publication: Publication): Problem[] {
  const path = resolve(folder, publication.source.file);
  const file = printed(root, path);
  if (!existsSync(path)) {
    return [
      problemAt(yaml.file, yaml.at(['source', 'file']), {
        field: 'source.file',
        found: JSON.stringify(publication.source.file),
        expected: 'a file of the content folder',
        message: `${JSON.stringify(publication.source.file)} is not there (${file}); expected the source text in the content folder`,
      }),
    ];
  }
  if (!inside(folder, path)) {
    return [
      problemAt(yaml.file, yaml.at(['source', 'file']), {
        field: 'source.file',
        found: JSON.stringify(publication.source.file),
        expected: 'a file of the content folder',
        message: `${JSON.stringify(publication.source.file)} leads outside the content folder; expected a file inside it`,
      }),
    ];
  }
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 === publication.source.sha256) {
    // The numbering the settings give must explain the source: what it does not, by line of the source.
    return parseSourcePage(bytes.toString('utf8'), publication.source).problems.map((p) =>
      problemAt(file, { line: p.line, column: 1 }, { field: 'source.numbering', found: '', expected: 'the source read by its numbering', message: p.message }),
    );
  }
  return [
    problemAt(yaml.file, yaml.at(['source', 'sha256']), {
      field: 'source.sha256',
      found: sha256,
      expected: publication.source.sha256,
      message: `${file} has the SHA-256 ${sha256}, not the ${publication.source.sha256} recorded here; expected the source unchanged (if it was changed on purpose, record its new SHA-256)`,
    }),
  ];
}

/** Reads and checks the settings of the content folder `contentDir`; paths in problems are printed from `root`. */
export function readSettings(contentDir: string, root: string = process.cwd()): SettingsReading {
  const folder = resolve(root, contentDir);
  const problems: Problem[] = [];
  const read = <S extends z.ZodType>(name: string, schema: S, what: string): { yaml?: YamlFile; data?: z.infer<S> } => {
    const path = join(folder, name);
    const yaml = readYamlFile(path, printed(root, path));
    if (!yaml) {
      problems.push(
        problemAt(printed(root, path), undefined, {
          field: 'file',
          found: '',
          expected: what,
          message: `is missing; expected ${what} (README: “Publish your own report”)`,
        }),
      );
      return {};
    }
    const { data, problems: found } = validated(yaml, schema, what);
    problems.push(...found);
    return { yaml, data };
  };
  const publication = read(SETTINGS_FILES.publication, publicationSchema, "the publication's settings");
  const vocabularies = read(SETTINGS_FILES.vocabularies, vocabulariesSchema, "the report's vocabularies");
  if (publication.yaml && publication.data) problems.push(...sourceProblems(publication.yaml, folder, root, publication.data));
  if (!publication.data || !vocabularies.data) return { problems };
  return {
    settings: { publication: publication.data, vocabularies: vocabularies.data, folder, sourcePath: resolve(folder, publication.data.source.file) },
    problems,
  };
}
