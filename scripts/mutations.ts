/**
 * The deliberate bugs `npm run test:mutations` (scripts/mutation-check.ts) puts into a copy of
 * the project, one at a time, to see whether the suite notices. Each is a plain edit — a file,
 * an exact text that must occur in it once, and its replacement — and names the part of the
 * suite that should catch it. When the code has moved and the text is no longer there, the
 * check says so: that mutation is not applicable (not caught), and its text here needs updating.
 *
 * `issue` marks the behaviours issue 22 names (the audit's bugs the suite missed, and the
 * promises it found untested): none of those may survive.
 */

export interface Edit {
  file: string;
  search: string;
  replace: string;
}

export interface Mutation {
  /** A short name, for --only. */
  id: string;
  /** The bug, as a reader or an editor would meet it. */
  bug: string;
  edits: Edit[];
  /** The test files (or folders) that should catch it; vitest runs them in the copy. */
  tests: string[];
  issue?: boolean;
}

const CHECKS = ['tests/unit/build-time/checks'];
const PLUGINS = ['tests/unit/build-time/markdown/plugins.test.ts', 'tests/unit/build-time/markdown/plugin-errors.test.ts'];
// The site tests read one build of the copy (a minute or more: the cost of a mutation that names one).
const PAGES = 'tests/site/pages.test.ts';
const DERIVED = 'tests/site/derived-pages.test.ts';
const MARKS = 'tests/site/editorial-marks.test.ts';
const SEARCH = ['tests/unit/pure/search/search.test.ts', 'tests/e2e/search.test.ts'];

const one = (file: string, search: string, replace: string): Edit[] => [{ file, search, replace }];

/** The remark plugin no longer refuses a reference definition's unsafe address: alone, and with the check's own rule. */
const PLUGIN_DEFINITIONS_DROPPED: Edit[] = [
  {
    file: 'src/build-time/markdown/remark-escape-html.ts',
    search: "(node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isPublishableAddress(node.url)",
    replace: "(node.type === 'link' || node.type === 'image') && !isPublishableAddress(node.url)",
  },
  {
    file: 'src/build-time/markdown/remark-escape-html.ts',
    search: 'if (!isPublishableAddress(node.url)) refused.add(node.identifier);',
    replace: 'void node;',
  },
];

export const MUTATIONS: Mutation[] = [
  // The behaviours issue 22 names.
  {
    id: 'search-title-bonus',
    bug: 'exact search ranks without the bonus for a word in the title',
    edits: one('src/pure/search/rank.ts', '    if (o.inTitle) score += idf;\n', ''),
    tests: SEARCH,
    issue: true,
  },
  {
    id: 'check-correction-original',
    bug: "the entry check no longer looks for a correction's original in the text",
    edits: one(
      'src/build-time/checks/phrases.ts',
      'for (const miss of unmatchedPhrases(text, originals)) {',
      'for (const miss of unmatchedPhrases(text, [])) {',
    ),
    tests: CHECKS,
    issue: true,
  },
  {
    id: 'plugin-reference-definitions',
    bug: 'the remark plugin lets a reference definition ([x]: javascript:…) keep an unsafe address',
    edits: PLUGIN_DEFINITIONS_DROPPED,
    tests: [...PLUGINS, ...CHECKS],
    issue: true,
  },
  {
    id: 'check-reference-definitions',
    bug: 'the entry check does not look at the addresses of reference definitions',
    edits: one('src/build-time/checks/entry-allowlist.ts', "if (node.type === 'link' || node.type === 'definition') {", "if (node.type === 'link') {"),
    tests: CHECKS,
    issue: true,
  },
  {
    id: 'reference-definitions-both',
    bug: 'reference definitions dropped from the unsafe-address rule in the plugin and in the check: a javascript: link is published',
    edits: [
      ...PLUGIN_DEFINITIONS_DROPPED,
      {
        file: 'src/build-time/checks/entry-allowlist.ts',
        search: "if (node.type === 'link' || node.type === 'definition') {",
        replace: "if (node.type === 'link') {",
      },
    ],
    tests: [...PLUGINS, ...CHECKS],
    issue: true,
  },
  {
    id: 'page-dates-dropped',
    bug: 'a measure page no longer lists its dates (the inferred-year count alone passed)',
    edits: one('src/layouts/MeasurePage.astro', 'data.dates.length > 0 && (', 'false && ('),
    tests: [PAGES],
    issue: true,
  },
  {
    id: 'documents-index-measures',
    bug: 'the documents index lists the wrong measure under each document (only titles were checked)',
    edits: one('src/build-time/site/indexes.ts', 'entry.measures.push(linkOf(m));', 'entry.measures.push({ ...linkOf(m), number: (m.data.number % 30) + 1 });'),
    tests: [DERIVED],
    issue: true,
  },
  {
    id: 'schema-file-output',
    bug: '/data/measure.schema.json describes the parsed output (defaults required), not what an entry may hold',
    edits: one('src/build-time/site/open-data.ts', "z.toJSONSchema(measureSchema, { io: 'input' })", "z.toJSONSchema(measureSchema, { io: 'output' })"),
    tests: ['tests/site/open-data-schema.test.ts'],
    issue: true,
  },
  {
    id: 'schema-file-loose',
    bug: '/data/measure.schema.json accepts fields the entry model refuses',
    edits: one(
      'src/build-time/site/open-data.ts',
      "z.toJSONSchema(measureSchema, { io: 'input' })",
      "({ ...z.toJSONSchema(measureSchema, { io: 'input' }), additionalProperties: true })",
    ),
    tests: ['tests/site/open-data-schema.test.ts'],
    issue: true,
  },
  {
    id: 'keep-dry-run-writes',
    bug: 'npm run diagrams:keep -- --dry-run changes content/diagrams/',
    edits: one(
      'scripts/keep-diagrams.ts',
      'const result = keepDrawings(resolve(values.dist), { keptDir, dryRun });',
      'const result = keepDrawings(resolve(values.dist), { keptDir, dryRun: false });',
    ),
    tests: ['tests/site/diagrams-keep-command.test.ts'],
    issue: true,
  },
  {
    id: 'keep-missing-exit-0',
    bug: 'npm run diagrams:keep exits 0 when a drawing the site shows is nowhere',
    edits: one('scripts/keep-diagrams.ts', '  process.exit(1);\n}', '  process.exit(0);\n}'),
    tests: ['tests/site/diagrams-keep-command.test.ts'],
    issue: true,
  },
  {
    id: 'editorial-topics-unmarked',
    bug: "a measure page shows its topics without saying they are the editors' classification",
    edits: one('src/layouts/MeasurePage.astro', '<dt>主题<span class="muted small">（编者分类）</span></dt>', '<dt>主题</dt>'),
    tests: [MARKS],
    issue: true,
  },
  {
    id: 'editorial-status-chart-unmarked',
    bug: "the figures page charts the statuses without saying they are the editors' judgement",
    edits: one('src/pages/figures.astro', 'caption="各项措施的进展状态（项；状态为编者判断）"', 'caption="各项措施的进展状态（项）"'),
    tests: [MARKS],
    issue: true,
  },
  {
    id: 'csp-other-origins',
    bug: 'the Content-Security-Policy lets pages load pictures from any https origin',
    edits: one('src/pure/site/content-security-policy.ts', `"img-src 'self' data:",`, `"img-src 'self' data: https:",`),
    tests: ['tests/e2e/content-security.test.ts'],
    issue: true,
  },

  // Checks.
  {
    id: 'check-related-unknown',
    bug: 'related may name a measure that does not exist',
    edits: one('src/build-time/checks/cross-entry.ts', '} else if (!numbers.known.has(n)) {', '} else if (false) {'),
    tests: CHECKS,
  },
  {
    id: 'check-number-gaps',
    bug: 'a gap in the numbering (no 13.md) passes',
    edits: one('src/build-time/checks/cross-entry.ts', '      if (known.has(n)) continue;\n', '      continue;\n'),
    tests: CHECKS,
  },
  {
    id: 'check-status-note',
    bug: 'a statusNote that the text does not hold passes',
    edits: one('src/build-time/checks/phrases.ts', "if (typeof statusNote === 'string' && statusNote && !text.includes(statusNote)) {", 'if (false) {'),
    tests: CHECKS,
  },
  {
    id: 'check-document-in-text',
    bug: 'a listed document the text does not cite passes',
    edits: one('src/build-time/checks/phrases.ts', "if (typeof doc === 'string' && doc && !text.includes(doc)) {", 'if (false) {'),
    tests: CHECKS,
  },
  {
    id: 'check-unsafe-link',
    bug: 'the entry check lets a javascript: link through',
    edits: one('src/build-time/checks/entry-allowlist.ts', "else problems.push(unsafeAddress(entry, node, 'link'));", 'else void 0;'),
    tests: CHECKS,
  },
  {
    id: 'plugin-mdx-handlers',
    bug: 'the remark plugin keeps on… attributes in MDX',
    edits: one(
      'src/build-time/markdown/remark-escape-html.ts',
      "if (a.type !== 'mdxJsxAttribute' || !a.name || !isAllowedAttribute(name, a.name)) continue;",
      "if (a.type !== 'mdxJsxAttribute' || !a.name) continue;",
    ),
    tests: [...PLUGINS, ...CHECKS],
  },

  // Figures and dates.
  {
    id: 'dates-year-never-inferred',
    bug: 'a date without a year is not marked as inferred',
    edits: one('src/pure/text/dates.ts', 'yearInferred: !g.year,', 'yearInferred: false,'),
    tests: ['tests/unit/pure/text/dates.test.ts', ...CHECKS],
  },
  {
    id: 'dates-impossible-day',
    bug: '2月30日 counts as a real date',
    edits: one('src/pure/text/dates.ts', 'return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;', 'return day <= 31;'),
    tests: ['tests/unit/pure/text/dates.test.ts', ...CHECKS],
  },
  {
    id: 'dates-span-month',
    bug: 'a span into another month is shown without its second month (6月22日至9日)',
    edits: one('src/pure/text/dates.ts', "${date.until.month === date.month ? '' : `${date.until.month}月`}", ''),
    tests: ['tests/unit/pure/text/dates.test.ts', PAGES],
  },
  {
    id: 'figures-float-value',
    bug: 'exact values computed in binary floating point (1339.11万 → 13391099.999999998)',
    edits: one(
      'src/pure/text/figures.ts',
      "  const [whole, fraction = ''] = String(figure.value).split('.');",
      "  return figure.value * 10 ** power;\n  const [whole, fraction = ''] = String(figure.value).split('.');",
    ),
    tests: ['tests/unit/pure/text/figures.test.ts', DERIVED],
  },
  {
    id: 'figures-about-lost',
    bug: '100个左右 is read as exactly 100',
    edits: one('src/pure/text/figures.ts', "g.about ? '左右' : undefined", 'undefined'),
    tests: ['tests/unit/pure/text/figures.test.ts', ...CHECKS],
  },
  {
    id: 'figures-unit-order',
    bug: '人次 is read as 人 followed by 次',
    edits: one('src/pure/text/figures.ts', "export const UNITS = ['人次', '部委', '周年', '人',", "export const UNITS = ['人', '人次', '部委', '周年',"),
    tests: ['tests/unit/pure/text/figures.test.ts', ...CHECKS],
  },

  // Search.
  {
    id: 'search-some-words',
    bug: 'exact search shows measures holding only some of the words',
    // Both places decide it: the candidates (the rarest word's documents found in every other
    // word's list) and the verdict on each document. Broken alone, the candidates change nothing
    // a reader sees (the verdict turns the others away), so that edit alone survived as a bug.
    edits: [
      {
        file: 'src/pure/search/search.ts',
        search: 'const docs = first.docs.filter((d) => sets.every((s) => s.has(d)));',
        replace: 'const docs = first.docs.filter((d) => sets.length >= 0 || d < 0);',
      },
      {
        file: 'src/pure/search/search.ts',
        search: 'this.keeper(selection), (held) => held.every(Boolean));',
        replace: 'this.keeper(selection), (held) => held.some(Boolean));',
      },
    ],
    tests: SEARCH,
  },
  {
    id: 'search-fullwidth',
    bug: 'full-width letters and digits are not folded (５７％ does not find 57%)',
    edits: one('src/pure/search/normalize.ts', '  if (c >= 0xff01 && c <= 0xff5e) return foldUnit(c - 0xfee0);', ''),
    tests: SEARCH,
  },
  {
    id: 'search-middle-dot',
    bug: '10・29 (katakana middle dot) does not find 10·29',
    edits: one('src/pure/search/normalize.ts', '    case 0x30fb: // katakana middle dot ・', '    case -1:'),
    tests: SEARCH,
  },
  {
    id: 'search-ties-reversed',
    bug: 'equally good matches come in reverse report order',
    edits: one(
      'src/pure/search/search.ts',
      'const byScore = (a: Match, b: Match) => b.score - a.score || a.doc - b.doc;',
      'const byScore = (a: Match, b: Match) => b.score - a.score || b.doc - a.doc;',
    ),
    tests: SEARCH,
  },

  // Pages and files.
  {
    id: 'home-status-counts',
    bug: 'the home page counts, for each status, the measures that do not have it',
    edits: one('src/build-time/site/report.ts', 'list.filter((m) => m.data.status === s.label).length', 'list.filter((m) => m.data.status !== s.label).length'),
    tests: [PAGES],
  },
  {
    id: 'pager-swapped',
    bug: 'previous and next are swapped on the measure pages',
    edits: one(
      'src/build-time/site/measure-pages.ts',
      'previous: i > 0 ? linkOf(list[i - 1]) : undefined,',
      'previous: i < list.length - 1 ? linkOf(list[i + 1]) : undefined,',
    ),
    tests: [PAGES],
  },
  {
    id: 'csv-no-bom',
    bug: 'figures.csv has no byte-order mark (spreadsheets garble the Chinese)',
    edits: one('src/build-time/site/open-data.ts', 'return `\\uFEFF${stringify(', 'return `${stringify('),
    tests: [DERIVED],
  },
  {
    id: 'json-no-corrections',
    bug: 'measures.json leaves out the corrections',
    edits: one('src/build-time/site/open-data.ts', '      ...m.data,\n', '      ...m.data,\n      corrections: [],\n'),
    tests: [DERIVED],
  },
  {
    id: 'measure-links-off-by-one',
    bug: '[（6）](06.md) in an entry links to /measures/07/',
    edits: one('src/build-time/markdown/remark-measure-links.ts', 'measurePath(target.number)', 'measurePath(target.number + 1)'),
    tests: [...PLUGINS, PAGES, DERIVED],
  },
  {
    id: 'timeline-reversed',
    bug: 'the timeline runs backwards',
    edits: one('src/build-time/site/indexes.ts', 'events.sort((a, b) => key(a.date) - key(b.date) ||', 'events.sort((a, b) => key(b.date) - key(a.date) ||'),
    tests: [DERIVED],
  },
  {
    id: 'correction-mark-note',
    bug: 'a correction mark in the text links to the next correction’s note',
    edits: one('src/build-time/markdown/remark-correction-marks.ts', 'url: `#${correctionNoteId(index)}`,', 'url: `#${correctionNoteId(index + 1)}`,'),
    tests: ['tests/unit/build-time/markdown/plugins.test.ts', PAGES],
  },
];
