/**
 * Bad entries, one kind each: a copy of the base fixture (tests/fixtures/bad-entries/base/,
 * which passes every check) with one thing broken. For each, the check API and `npm run check
 * --content` must report exactly the expected lines (file, line and column where they apply,
 * field, message) and exit code, and must write nothing.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem, formatSummary, type CheckResult } from '../../../../src/build-time/checks/index.ts';
import { BODY_PLACEHOLDER } from '../../../../src/build-time/checks/markdown.ts';
import { ROOT } from '../../../support/paths.ts';
import { HOSTILE_CASES } from './hostile-cases.ts';
import { fixtureRoot, pool, removeFixtures, replaceIn, runScript, snapshot, type Run } from './support.ts';

interface Case {
  name: string;
  break: (root: string) => void;
  /** The problem lines, exactly as printed, in order. */
  lines: string[];
  /** The main problem, as the API gives it. */
  problem: { file: string; line?: number; column?: number; field: string; severity?: 'error' | 'warning' };
  /** Entries in the folder after the break (the base has 5). */
  entries?: number;
  /**
   * Also run `npm run check` on it. Each run is a Node process (about a second on this machine),
   * so the CLI runs on one case of each way a line can be printed (no line, line and column,
   * several files, a warning only, a file that is not UTF-8, MDX, mermaid); the API, which
   * prints through the same function, runs on every case.
   */
  cli?: boolean;
}

const M = (n: string) => `content/measures/${n}`;

/** GB18030 bytes of 工会 (B9A4 BBE1): what an editor's GBK editor writes. */
const GBK_GONGHUI = Buffer.from([0xb9, 0xa4, 0xbb, 0xe1]);

const CASES: Case[] = [
  {
    name: 'YAML that does not parse (an unquoted ": " in a title)',
    cli: true,
    break: (r) => replaceIn(r, M('03.md'), 'title: 推动健全有效提升职工技术技能的激励保障机制', 'title: 推动健全: 有效提升职工技术技能的激励保障机制'),
    lines: [
      `${M('03.md')}:3:8  yaml  "title: 推动健全: 有效提升职工技术技能的激励保障机制" does not parse: Nested mappings are not allowed in compact mappings (put text that holds a colon ": " in quotes)`,
    ],
    problem: { file: M('03.md'), line: 3, column: 8, field: 'yaml' },
  },
  {
    name: 'a YAML tag (read by the `yaml` package with a warning, not by Astro’s reader)',
    break: (r) => replaceIn(r, M('03.md'), 'title: 推动健全', 'title: !zh 推动健全'),
    lines: [`${M('03.md')}:3:8  yaml  "title: !zh 推动健全有效提升职工技术技能的激励保障机制" does not parse: Unresolved tag: !zh`],
    problem: { file: M('03.md'), line: 3, column: 8, field: 'yaml' },
  },
  {
    name: 'a full-width colon after a field name',
    break: (r) => replaceIn(r, M('03.md'), 'status: 推进中', 'status：推进中'),
    lines: [
      `${M('03.md')}:4:1  yaml  "status：推进中" does not parse: Implicit keys need to be on a single line (the colon after a field name must be the half-width :, not ：)`,
    ],
    problem: { file: M('03.md'), line: 4, column: 1, field: 'yaml' },
  },
  {
    name: 'frontmatter missing',
    break: (r) => replaceIn(r, M('03.md'), /^---\n[\s\S]*?\n---\n\n/, ''),
    lines: [
      `${M('03.md')}:1:1  frontmatter  "推动健全有效提升职工技术技能的激励保障机…" is not ---; expected the file to open with its fields between two lines ---, then the text`,
    ],
    problem: { file: M('03.md'), line: 1, column: 1, field: 'frontmatter' },
  },
  {
    name: 'frontmatter never closed',
    break: (r) => replaceIn(r, M('03.md'), 'corrections: []\n---\n', 'corrections: []\n\n'),
    lines: [`${M('03.md')}:1:1  frontmatter  the fields have no closing line ---; expected a line --- between the fields and the text`],
    problem: { file: M('03.md'), line: 1, column: 1, field: 'frontmatter' },
  },
  {
    name: 'unknown field (a typo: stauts)',
    cli: true,
    break: (r) => replaceIn(r, M('03.md'), 'status: 推进中', 'stauts: 推进中'),
    lines: [
      `${M('03.md')}:1:1  status  is missing; expected one of 已完成, 推进中, 计划中, 持续推进`,
      `${M('03.md')}:4:1  stauts  "stauts" is not a field; did you mean status?`,
    ],
    problem: { file: M('03.md'), line: 4, column: 1, field: 'stauts' },
  },
  {
    name: 'unknown field inside a figure (lable)',
    break: (r) => replaceIn(r, M('02.md'), '    label: 纳入数据库实名管理的工会会员', '    lable: 纳入数据库实名管理的工会会员'),
    lines: [`${M('02.md')}:19:5  figures[2].lable  "lable" is not a field; did you mean label?`],
    problem: { file: M('02.md'), line: 19, column: 5, field: 'figures[2].lable' },
  },
  {
    name: 'the number missing',
    break: (r) => replaceIn(r, M('03.md'), 'number: 3\n', ''),
    lines: [`${M('03.md')}:1:1  number  is missing; expected a whole number above 0`],
    problem: { file: M('03.md'), line: 1, column: 1, field: 'number' },
  },
  {
    name: 'a duplicate number',
    break: (r) => replaceIn(r, M('04.md'), 'number: 4', 'number: 3'),
    lines: [
      `${M('03.md')}:2:9  number  3 is also the number of ${M('04.md')}; expected each number once`,
      `${M('03.md')}:7:14  related[2]  4 is not the number of a measure; expected one of 1 to 3`,
      `${M('04.md')}:2:9  number  3 does not match the file name 04.md; expected 4, or the file renamed to 03.md`,
      `${M('04.md')}:2:9  number  3 is also the number of ${M('03.md')}; expected each number once`,
      `${M('04.md')}:7:11  related[1]  3 is this measure's own number; expected the numbers of other measures`,
    ],
    problem: { file: M('04.md'), line: 2, column: 9, field: 'number' },
  },
  {
    name: 'a gap in the numbers (02.md deleted)',
    cli: true,
    break: (r) => rmSync(join(r, M('02.md'))),
    lines: [
      'content/measures  number  2 is missing; expected the measures numbered 1 to 4 without gaps (no 02.md)',
      `${M('01.md')}:7:11  related[1]  2 is not the number of a measure; expected one of 1, 3 to 4`,
      `${M('03.md')}:7:11  related[1]  2 is not the number of a measure; expected one of 1, 3 to 4`,
    ],
    problem: { file: 'content/measures', field: 'number' },
    entries: 4,
  },
  {
    name: 'the file name does not match the number (4.md)',
    break: (r) => renameSync(join(r, M('04.md')), join(r, M('4.md'))),
    lines: [
      `${M('03.md')}:18:86  link  "04.md" does not exist; expected the file of an existing measure, such as 06.md`,
      `${M('4.md')}:2:9  number  4 does not match the file name 4.md; expected the file to be named 04.md`,
    ],
    problem: { file: M('4.md'), line: 2, column: 9, field: 'number' },
  },
  {
    name: 'a status outside the vocabulary',
    cli: true,
    break: (r) => replaceIn(r, M('03.md'), 'status: 推进中', 'status: 已完'),
    lines: [`${M('03.md')}:4:9  status  "已完" is not one of 已完成, 推进中, 计划中, 持续推进`],
    problem: { file: M('03.md'), line: 4, column: 9, field: 'status' },
  },
  {
    name: 'a figure value that is not a number (1.2亿)',
    cli: true,
    break: (r) => replaceIn(r, M('02.md'), '    value: 1.2\n', '    value: 1.2亿\n'),
    lines: [
      `${M('02.md')}:15:12  figures[2].value  "1.2亿" is not a number (0 or more); write the number alone (value: 1.2) and the magnitude apart (magnitude: 亿)`,
    ],
    problem: { file: M('02.md'), line: 15, column: 12, field: 'figures[2].value' },
  },
  {
    name: 'a figure value that disagrees with its phrase',
    break: (r) => replaceIn(r, M('02.md'), '    value: 1.2\n', '    value: 1.3\n'),
    lines: [`${M('02.md')}:15:12  figures[2].value  1.3 does not agree with the phrase "超过1.2亿人"; expected 1.2`],
    problem: { file: M('02.md'), line: 15, column: 12, field: 'figures[2].value' },
  },
  {
    name: 'a figure whose phrase is not in the body',
    break: (r) => {
      replaceIn(r, M('02.md'), '  - phrase: 超过1.2亿人', '  - phrase: 超过1.3亿人');
      replaceIn(r, M('02.md'), '    value: 1.2\n', '    value: 1.3\n');
    },
    lines: [
      `${M('02.md')}:14:13  figures[2].phrase  "超过1.3亿人" is not in the text; expected the words of the figure exactly as printed in the text`,
      `${M('02.md')}:31:287  figures  warning: "超过1.2亿人" is a quantity in the text that figures does not list; expected every quantity of the text in figures, in the order of the text`,
    ],
    problem: { file: M('02.md'), line: 14, column: 13, field: 'figures[2].phrase' },
  },
  {
    name: 'a quantity of the text missing from figures (a warning)',
    break: (r) => replaceIn(r, M('02.md'), / {2}- phrase: 10余省\n( {4}.*\n){4}/, ''),
    lines: [
      `${M('02.md')}:26:110  figures  warning: "10余省" is a quantity in the text that figures does not list; expected every quantity of the text in figures, in the order of the text`,
    ],
    problem: { file: M('02.md'), line: 26, column: 110, field: 'figures', severity: 'warning' },
  },
  {
    name: 'a link to a missing entry',
    cli: true,
    break: (r) => replaceIn(r, M('03.md'), '](04.md)', '](09.md)'),
    lines: [`${M('03.md')}:18:86  link  "09.md" does not exist; expected the file of an existing measure, such as 06.md`],
    problem: { file: M('03.md'), line: 18, column: 86, field: 'link' },
  },
  {
    name: 'a link to a heading the entry does not have',
    break: (r) => replaceIn(r, M('03.md'), '](04.md)', '](04.md#做法)'),
    lines: [`${M('03.md')}:18:86  link  "04.md#做法" names the heading #做法, which 04.md does not have; expected no fragment: 04.md has no headings`],
    problem: { file: M('03.md'), line: 18, column: 86, field: 'link' },
  },
  {
    name: 'a javascript: link',
    break: (r) => replaceIn(r, M('03.md'), '](04.md)', '](javascript:alert(1))'),
    lines: [
      `${M('03.md')}:18:86  link  "javascript:alert(1)" is not an address the site publishes (it would run code or embed data); expected a web address (https://…), mailto: or a link to an entry file such as 06.md`,
    ],
    problem: { file: M('03.md'), line: 18, column: 86, field: 'link' },
  },
  {
    name: 'related names a missing entry',
    break: (r) => replaceIn(r, M('03.md'), 'related: [2, 4]', 'related: [2, 9]'),
    lines: [`${M('03.md')}:7:14  related[2]  9 is not the number of a measure; expected one of 1 to 4`],
    problem: { file: M('03.md'), line: 7, column: 14, field: 'related[2]' },
  },
  {
    name: 'an impossible date (2月30日)',
    cli: true,
    break: (r) => {
      replaceIn(
        r,
        M('01.md'),
        '  - phrase: 2月12日\n    year: 2020\n    yearInferred: true\n    month: 2\n    day: 12',
        '  - phrase: 2月30日\n    year: 2020\n    yearInferred: true\n    month: 2\n    day: 30',
      );
      replaceIn(r, M('01.md'), '。2月12日,', '。2月30日,');
    },
    lines: [`${M('01.md')}:19:10  dates[2].day  30 is not a day of 2020年2月; expected 1 to 29`],
    problem: { file: M('01.md'), line: 19, column: 10, field: 'dates[2].day' },
  },
  {
    name: 'a date that disagrees with its phrase',
    break: (r) =>
      replaceIn(
        r,
        M('01.md'),
        '  - phrase: 4月3日\n    year: 2020\n    yearInferred: true\n    month: 4',
        '  - phrase: 4月3日\n    year: 2020\n    yearInferred: true\n    month: 5',
      ),
    lines: [`${M('01.md')}:27:12  dates[4].month  5 does not agree with the phrase "4月3日"; expected 4`],
    problem: { file: M('01.md'), line: 27, column: 12, field: 'dates[4].month' },
  },
  {
    name: 'a topic outside the vocabulary',
    break: (r) => replaceIn(r, M('03.md'), 'topics: [产业工人]', 'topics: [产业工人, 工会建设]'),
    lines: [
      `${M('03.md')}:6:16  topics[2]  "工会建设" is not one of 理论学习, 产业工人, 建会入会, 会员实名制, 思想引领, 宣传文化, 网上工作, 维权与立法, 帮扶救助, 农民工, 组织体制, 人才队伍, 工人文化宫`,
    ],
    problem: { file: M('03.md'), line: 6, column: 16, field: 'topics[2]' },
  },
  {
    name: 'words for the status that are not in the text',
    break: (r) => replaceIn(r, M('03.md'), 'statusNote: 已启动相关工作', 'statusNote: 已全面完成'),
    lines: [`${M('03.md')}:5:13  statusNote  "已全面完成" is not in the text; expected words copied from the text that justify the status`],
    problem: { file: M('03.md'), line: 5, column: 13, field: 'statusNote' },
  },
  {
    name: 'a reason for the status that quotes words not in the text',
    break: (r) => replaceIn(r, M('03.md'), 'statusNote: 已启动相关工作\n', 'statusNote: 已启动相关工作\nstatusReason: 原文说“已全面完成”。\n'),
    lines: [`${M('03.md')}:6:15  statusReason  "已全面完成" is not in the text; expected a passage of the text, when the reason quotes one in “…”`],
    problem: { file: M('03.md'), line: 6, column: 15, field: 'statusReason' },
  },
  {
    name: 'an unclosed tag in MDX',
    cli: true,
    break: (r) => {
      renameSync(join(r, M('03.md')), join(r, M('03.mdx')));
      replaceIn(r, M('03.mdx'), '课题调研。', '课题调研。<Note>编者按\n');
    },
    lines: [
      `${M('03.mdx')}:18:49  mdx  "推动健全有效提升职工技术技能的激励保障机制。开展“健企保障产业工人主人翁地位制度…" does not parse as MDX: Expected a closing tag for \`<Note>\` before the end of \`paragraph\``,
    ],
    problem: { file: M('03.mdx'), line: 18, column: 49, field: 'mdx' },
  },
  {
    name: 'bad JSX in MDX (an expression that does not parse)',
    break: (r) => {
      renameSync(join(r, M('03.md')), join(r, M('03.mdx')));
      replaceIn(r, M('03.mdx'), '课题调研。', '课题调研{1 +}。');
    },
    lines: [
      `${M('03.mdx')}:18:52  mdx  "推动健全有效提升职工技术技能的激励保障机制。开展“健企保障产业工人主人翁地位制度…" does not parse as MDX: Could not parse expression with acorn`,
    ],
    problem: { file: M('03.mdx'), line: 18, column: 52, field: 'mdx' },
  },
  {
    name: 'a <script> element in MDX',
    break: (r) => {
      renameSync(join(r, M('03.md')), join(r, M('03.mdx')));
      replaceIn(r, M('03.mdx'), /\n$/, '\n\n<script>{"alert(1)"}</script>\n');
    },
    lines: [
      `${M('03.mdx')}:20:1  mdx  "<script>" is not an element an entry may use; expected one of <abbr title="…">, <sub>, <sup>, <br>, <ruby>, <rp>, <rt>`,
      `${M('03.mdx')}:20:9  mdx  "{\\"alert(1)\\"}" is not allowed in an entry: a {…} expression is code that would run as the site is built; expected text (write \\{ for a brace)`,
    ],
    problem: { file: M('03.mdx'), line: 20, column: 1, field: 'mdx' },
  },
  {
    name: 'a mermaid diagram that does not parse',
    cli: true,
    break: (r) => replaceIn(r, M('04.md'), /\n$/, '\n\n```mermaid\nflowchart LR\n  town["乡镇(街道)工会"] --> village["村(社区)工会\n```\n'),
    lines: [
      `${M('04.md')}:23:33  mermaid  "town[\\"乡镇(街道)工会\\"] --> village[\\"村(社区)工会" does not parse: mermaid expected SQE, DOUBLECIRCLEEND, PE, -), STADIUMEND, SUBROUTINEEND … but found the end of the diagram`,
    ],
    problem: { file: M('04.md'), line: 23, column: 33, field: 'mermaid' },
  },
  {
    name: 'a mermaid block that is no diagram type',
    break: (r) => replaceIn(r, M('04.md'), /\n$/, '\n\n```mermaid\n乡镇 --> 村 --> 企业\n```\n'),
    lines: [
      `${M('04.md')}:22:1  mermaid  "乡镇 --> 村 --> 企业" is not a mermaid diagram type (such as flowchart TD, sequenceDiagram, pie); expected a diagram mermaid can read`,
    ],
    problem: { file: M('04.md'), line: 22, column: 1, field: 'mermaid' },
  },
  {
    name: 'an empty body',
    break: (r) => replaceIn(r, M('03.md'), /\n---\n[\s\S]*$/, '\n---\n\n'),
    lines: [`${M('03.md')}:17:1  body  is empty; expected the text of the entry, as printed in the source, after the closing line ---`],
    problem: { file: M('03.md'), line: 17, column: 1, field: 'body' },
  },
  {
    name: 'a file that is not UTF-8 (saved as GBK)',
    break: (r) => {
      const text = readFileSync(join(r, M('03.md')), 'utf8');
      const [head, rest] = [text.slice(0, text.indexOf('title: ') + 7), text.slice(text.indexOf('\nstatus:'))];
      writeFileSync(join(r, M('03.md')), Buffer.concat([Buffer.from(head), GBK_GONGHUI, Buffer.from(rest)]));
    },
    lines: [`${M('03.md')}:3:8  encoding  byte 0xB9 is not UTF-8; expected the file to be saved as UTF-8`],
    problem: { file: M('03.md'), line: 3, column: 8, field: 'encoding' },
  },
  {
    name: 'a whole file saved as GBK',
    cli: true,
    break: (r) =>
      writeFileSync(
        join(r, M('03.md')),
        Buffer.concat([Buffer.from('---\nnumber: 3\ntitle: '), GBK_GONGHUI, Buffer.from('\n---\n\n'), GBK_GONGHUI, Buffer.from('\n')]),
      ),
    lines: [`${M('03.md')}:3:8  encoding  byte 0xB9 is not UTF-8; expected the file to be saved as UTF-8 (it reads as GBK/GB18030: save it again as UTF-8)`],
    problem: { file: M('03.md'), line: 3, column: 8, field: 'encoding' },
  },
  {
    name: 'raw HTML in Markdown (a warning: it is shown as text)',
    cli: true,
    break: (r) => replaceIn(r, M('03.md'), /\n$/, '\n\n<script>alert(1)</script>\n'),
    lines: [
      `${M('03.md')}:20:1  html  warning: "<script>alert(1)</script>" will be shown as text, not as HTML; expected Markdown (raw HTML in an entry is escaped)`,
    ],
    problem: { file: M('03.md'), line: 20, column: 1, field: 'html', severity: 'warning' },
  },
  {
    name: 'the placeholder of npm run new left in the body (a warning)',
    break: (r) => replaceIn(r, M('03.md'), /\n$/, `\n\n${BODY_PLACEHOLDER}\n`),
    lines: [`${M('03.md')}:20:1  body  warning: still holds the placeholder "${BODY_PLACEHOLDER}"; expected the text of the entry in its place`],
    problem: { file: M('03.md'), line: 20, column: 1, field: 'body', severity: 'warning' },
  },
  {
    name: 'a field given twice',
    break: (r) => replaceIn(r, M('03.md'), 'status: 推进中\n', 'status: 推进中\nstatus: 已完成\n'),
    lines: [`${M('03.md')}:5:1  yaml  "status: 已完成" does not parse: Map keys must be unique (each field may be given once)`],
    problem: { file: M('03.md'), line: 5, column: 1, field: 'yaml' },
  },
  // Every message EDITING.md lists has a case (the test at the end holds the two to each other).
  {
    name: "a correction's original that is not in the text",
    break: (r) => replaceIn(r, M('02.md'), 'corrections: []', 'corrections:\n  - { original: 农牧牧产品, suggested: 农牧产品, note: 重复。 }'),
    lines: [`${M('02.md')}:29:17  corrections[1].original  "农牧牧产品" is not in the text; expected the passage exactly as the text prints it`],
    problem: { file: M('02.md'), line: 29, column: 17, field: 'corrections[1].original' },
  },
  {
    name: 'a listed document the text does not cite',
    break: (r) => replaceIn(r, M('02.md'), '  - 工会会员会籍管理办法\n', '  - 工会会员会籍管理办法\n  - 不存在的文件\n'),
    lines: [
      `${M('02.md')}:23:5  documents[2]  "不存在的文件" is not in the text; expected the title of a document the text cites in 《》, without the brackets`,
    ],
    problem: { file: M('02.md'), line: 23, column: 5, field: 'documents[2]' },
  },
  {
    name: 'a figure listed more times than it stands in the text',
    break: (r) =>
      replaceIn(r, M('02.md'), '  - phrase: 超过1.2亿人\n', '  - phrase: 10余省\n    value: 10\n    unit: 省\n    qualifier: 余\n  - phrase: 超过1.2亿人\n'),
    lines: [`${M('02.md')}:14:13  figures[2].phrase  "10余省" is listed 2 times but stands once in the text; expected one item for each time it stands there`],
    problem: { file: M('02.md'), line: 14, column: 13, field: 'figures[2].phrase' },
  },
  {
    name: 'a figure phrase that is not one quantity',
    break: (r) => replaceIn(r, M('02.md'), '  - phrase: 10余省\n', '  - phrase: 余省\n'),
    lines: [
      `${M('02.md')}:9:13  figures[1].phrase  "余省" is not one quantity; expected the words of one figure as printed, such as 超过1.2亿人 or 150余条`,
      `${M('02.md')}:31:110  figures  warning: "10余省" is a quantity in the text that figures does not list; expected every quantity of the text in figures, in the order of the text`,
    ],
    problem: { file: M('02.md'), line: 9, column: 13, field: 'figures[1].phrase' },
  },
  {
    name: 'a date phrase that is not one date',
    break: (r) => replaceIn(r, M('01.md'), '  - phrase: 4月3日\n', '  - phrase: 月3日\n'),
    lines: [`${M('01.md')}:24:13  dates[4].phrase  "月3日" is not one date; expected the words of one date as printed, such as 2月12日 or 6月22日至7月9日`],
    problem: { file: M('01.md'), line: 24, column: 13, field: 'dates[4].phrase' },
  },
  {
    name: 'a span that ends before it starts',
    break: (r) =>
      replaceIn(
        r,
        M('01.md'),
        '  - phrase: 6月5日\n    year: 2020\n    yearInferred: true\n    month: 6\n    day: 5',
        '  - phrase: 6月5日\n    year: 2020\n    yearInferred: true\n    month: 6\n    day: 5\n    until: { month: 6, day: 1 }',
      ),
    lines: [
      `${M('01.md')}:34:12  dates[5].until  6月1日 is not after the start 6月5日; expected the span to end after it starts`,
      `${M('01.md')}:34:12  dates[5].until  is given, but the phrase "6月5日" names no span; expected no until`,
    ],
    problem: { file: M('01.md'), line: 34, column: 12, field: 'dates[5].until' },
  },
  {
    name: 'a link written as a site address (a warning)',
    break: (r) => replaceIn(r, M('03.md'), '](04.md)', '](/measures/04/)'),
    lines: [`${M('03.md')}:18:86  link  warning: "/measures/04/" is a site address; expected a link to the entry's file, 04.md`],
    problem: { file: M('03.md'), line: 18, column: 86, field: 'link', severity: 'warning' },
  },
  {
    name: 'a document the text cites but documents does not list (a warning)',
    break: (r) => replaceIn(r, M('02.md'), '  - 工会会员会籍管理办法\n', ''),
    lines: [
      `${M('02.md')}:22:3  documents  warning: "《工会会员会籍管理办法》" is cited in the text but not listed; expected every document the text cites in 《》`,
    ],
    problem: { file: M('02.md'), line: 22, column: 3, field: 'documents', severity: 'warning' },
  },
  {
    name: 'a title that is not how the text begins (a warning)',
    break: (r) => replaceIn(r, M('03.md'), 'title: 推动健全有效提升职工技术技能的激励保障机制', 'title: 推动健全职工激励机制'),
    lines: [
      `${M('03.md')}:3:8  title  warning: "推动健全职工激励机制" is not how the text begins; expected the lead sentence of the text, without its 。 ("推动健全有效提升职工技术技能的激励保障机制")`,
    ],
    problem: { file: M('03.md'), line: 3, column: 8, field: 'title', severity: 'warning' },
  },
  {
    name: 'a field written with no value',
    break: (r) => replaceIn(r, M('03.md'), 'statusNote: 已启动相关工作', 'statusNote:'),
    lines: [`${M('03.md')}:5:12  statusNote  is empty; expected text`],
    problem: { file: M('03.md'), line: 5, column: 12, field: 'statusNote' },
  },
  {
    name: 'a field named in Chinese (状态)',
    cli: true,
    break: (r) => replaceIn(r, M('03.md'), 'status: 推进中', '状态: 推进中'),
    lines: [
      `${M('03.md')}:1:1  status  is missing; expected one of 已完成, 推进中, 计划中, 持续推进`,
      `${M('03.md')}:4:1  状态  "状态" is not a field; did you mean status?`,
    ],
    problem: { file: M('03.md'), line: 4, column: 1, field: '状态' },
  },
  {
    name: 'a field name in full-width letters (ｓｔａｔｕｓ)',
    break: (r) => replaceIn(r, M('03.md'), 'status: 推进中', 'ｓｔａｔｕｓ: 推进中'),
    lines: [
      `${M('03.md')}:1:1  status  is missing; expected one of 已完成, 推进中, 计划中, 持续推进`,
      `${M('03.md')}:4:1  ｓｔａｔｕｓ  "ｓｔａｔｕｓ" is not a field; did you mean status?`,
    ],
    problem: { file: M('03.md'), line: 4, column: 1, field: 'ｓｔａｔｕｓ' },
  },
  {
    name: 'a negative value and a negative number',
    break: (r) => {
      replaceIn(r, M('02.md'), '    value: 1.2\n', '    value: -1.2\n');
      replaceIn(r, M('03.md'), 'number: 3', 'number: -3');
    },
    lines: [
      `${M('02.md')}:15:12  figures[2].value  -1.2 is negative; expected a number (0 or more)`,
      `${M('02.md')}:15:12  figures[2].value  -1.2 does not agree with the phrase "超过1.2亿人"; expected 1.2`,
      `${M('03.md')}:2:9  number  -3 is negative; expected a whole number above 0`,
    ],
    problem: { file: M('03.md'), line: 2, column: 9, field: 'number' },
  },
  {
    name: 'a quantity that stands more often in the text than figures lists it (a warning)',
    break: (r) => {
      replaceIn(
        r,
        M('02.md'),
        '  - phrase: 超过1.2亿人\n',
        '  - phrase: 超过1.2亿人\n    value: 1.2\n    unit: 人\n    magnitude: 亿\n    qualifier: 超过\n  - phrase: 超过1.2亿人\n',
      );
      replaceIn(r, M('02.md'), /\n$/, '\n\n超过1.2亿人，超过1.2亿人。\n');
    },
    lines: [
      `${M('02.md')}:38:9  figures  warning: "超过1.2亿人" stands 3 times in the text but figures lists it 2 times; expected every quantity of the text in figures, in the order of the text`,
    ],
    problem: { file: M('02.md'), line: 38, column: 9, field: 'figures', severity: 'warning' },
  },
  {
    name: 'numbers out of range: a month 13, a related measure 0',
    break: (r) => {
      replaceIn(
        r,
        M('01.md'),
        '  - phrase: 4月3日\n    year: 2020\n    yearInferred: true\n    month: 4',
        '  - phrase: 4月3日\n    year: 2020\n    yearInferred: true\n    month: 13',
      );
      replaceIn(r, M('04.md'), 'related: [3]', 'related: [0]');
    },
    lines: [
      `${M('01.md')}:27:12  dates[4].month  13 is not a whole number from 1 to 12`,
      `${M('01.md')}:27:12  dates[4].month  13 does not agree with the phrase "4月3日"; expected 4`,
      `${M('04.md')}:7:11  related[1]  0 is not a whole number above 0`,
    ],
    problem: { file: M('01.md'), line: 27, column: 12, field: 'dates[4].month' },
  },
];

const results = new Map<string, { api: CheckResult; cli?: Run; before: ReturnType<typeof snapshot>; after: ReturnType<typeof snapshot> }>();

beforeAll(async () => {
  const prepared = CASES.map((c) => {
    const root = fixtureRoot();
    c.break(root);
    return { c, root, before: snapshot(root) };
  });
  // The CLI runs start together, a few at a time; the API runs in this process meanwhile.
  const cli = pool(
    prepared.map(
      ({ c, root }) =>
        () =>
          c.cli ? runScript('scripts/check.ts', ['--content', 'content'], root) : Promise.resolve(undefined),
    ),
    2,
  );
  const api: CheckResult[] = [];
  for (const { root } of prepared) api.push(await checkContent({ root, contentDir: 'content' }));
  const runs = await cli;
  prepared.forEach(({ c, root, before }, i) => results.set(c.name, { api: api[i], cli: runs[i], before, after: snapshot(root) }));
}, 600_000);

afterAll(removeFixtures);

describe('the base fixture', () => {
  it('passes every check: nothing to report, exit 0', async () => {
    const root = fixtureRoot();
    const api = await checkContent({ root });
    expect(api.problems.map(formatProblem)).toEqual([]);
    const cli = await runScript('scripts/check.ts', [], root);
    expect(cli).toEqual({ status: 0, stdout: '5 entries checked: no problems\n', stderr: '' });
  });
});

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
  const errors = () => c.lines.filter((l) => !/^\S+ {2}\S+ {2}warning: /.test(l)).length;
  const summary = () => formatSummary({ errors: errors(), warnings: c.lines.length - errors(), entries: c.entries ?? 5 });

  it('is reported by the API with its file, line, field and message', () => {
    const { api } = results.get(name)!;
    expect(api.problems.map(formatProblem)).toEqual(c.lines);
    expect(api.problems).toContainEqual(expect.objectContaining({ severity: 'error', ...c.problem }));
  });

  if (c.cli) {
    it('is printed by npm run check exactly, with the exit code', () => {
      const cli = results.get(name)!.cli!;
      expect(cli.stderr).toBe('');
      expect(cli.stdout).toBe(`${[...c.lines, summary()].join('\n')}\n`);
      expect(cli.status).toBe(errors() ? 1 : 0);
    });
  }

  it('leaves every file as it was', () => {
    const { before, after } = results.get(name)!;
    expect(after).toEqual(before);
  });
});

describe('a huge entry (1 MB of text)', () => {
  // How long it takes is measured by npm run bench:checks (scripts/bench-checks.ts), not here.
  it('passes the checks with no error', async () => {
    const root = fixtureRoot();
    const path = join(root, 'content/measures/02.md');
    const text = readFileSync(path, 'utf8');
    const body = text.slice(text.lastIndexOf('\n---\n') + 5);
    const paragraph = body.trim();
    const copies = Math.ceil(1_048_576 / Buffer.byteLength(`${paragraph}\n\n`));
    writeFileSync(path, `${text}\n${Array.from({ length: copies }, () => paragraph).join('\n\n')}\n`);
    expect(readFileSync(path).length).toBeGreaterThan(1_048_576);
    const api = await checkContent({ root });
    // Its quantities now stand in the text many times, listed once: one warning for each phrase.
    expect(api.problems.map(formatProblem)).toEqual([
      `${M('02.md')}:33:110  figures  warning: "10余省" stands ${copies + 1} times in the text but figures lists it once; expected every quantity of the text in figures, in the order of the text`,
      `${M('02.md')}:33:287  figures  warning: "超过1.2亿人" stands ${copies + 1} times in the text but figures lists it once; expected every quantity of the text in figures, in the order of the text`,
    ]);
  });
});

describe('an impossible date that the source itself prints', () => {
  it('passes once a correction names it', async () => {
    const root = fixtureRoot();
    replaceIn(
      root,
      M('01.md'),
      '  - phrase: 2月12日\n    year: 2020\n    yearInferred: true\n    month: 2\n    day: 12',
      '  - phrase: 2月30日\n    year: 2020\n    yearInferred: true\n    month: 2\n    day: 30',
    );
    replaceIn(root, M('01.md'), '。2月12日,', '。2月30日,');
    expect((await checkContent({ root })).problems.map(formatProblem)).toEqual([
      `${M('01.md')}:19:10  dates[2].day  30 is not a day of 2020年2月; expected 1 to 29`,
    ]);
    replaceIn(root, M('01.md'), 'corrections:\n', 'corrections:\n  - original: 2月30日\n    suggested: ""\n    note: 2月没有30日，原文如此。\n');
    expect((await checkContent({ root })).problems.map(formatProblem)).toEqual([]);
  });
});

describe('content with no measures folder', () => {
  it('checks what there is', async () => {
    const root = fixtureRoot();
    rmSync(join(root, 'content/measures'), { recursive: true });
    mkdirSync(join(root, 'content/measures'));
    const api = await checkContent({ root });
    expect(api).toMatchObject({ errors: 0, warnings: 0, entries: 1 });
  });
});

describe('EDITING.md, section 九 (what each message means)', () => {
  it('lists only messages that a case of this file or of hostile-cases.ts prints', () => {
    const guide = readFileSync(join(ROOT, 'EDITING.md'), 'utf8');
    const section = guide.slice(guide.indexOf('## 九、'), guide.indexOf('## 十、'));
    const patterns = section
      .split('\n')
      .filter((row) => row.startsWith('| `'))
      .flatMap((row) => (row.split(' | ')[0].match(/`[^`]+`/g) ?? []).map((p) => p.slice(1, -1)));
    expect(patterns.length).toBeGreaterThan(40);
    // `…` stands for any words, a quoted example or a number for any other.
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const asRegex = (pattern: string) =>
      new RegExp(
        pattern
          .split(/(…|"[^"]*"|\d+(?:\.\d+)?)/)
          .map((part, i) => (i % 2 === 0 ? escape(part) : part === '…' ? '.*' : part.startsWith('"') ? '".*"' : '\\d+(?:\\.\\d+)?'))
          .join(''),
      );
    const printed = [...CASES.flatMap((c) => c.lines), ...HOSTILE_CASES.flatMap((c) => c.lines('content/measures/05.md', 5))];
    expect(patterns.filter((pattern) => !printed.some((line) => asRegex(pattern).test(line)))).toEqual([]);
  });
});
