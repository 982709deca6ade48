/**
 * The hostile entries of issue 19, one class each, shared by the check tests
 * (hostile-entries.test.ts: each alone, added to the base fixture as measure 5) and the build
 * tests (tests/site/hostile-build.test.ts: all at once, numbered 5, 6, 7 …). Each class is one
 * entry file, so that its lines do not depend on the others: `lines(file)` gives the exact
 * lines for the entry's file as printed (`content/measures/05.mdx`).
 *
 * What lies outside the project (OUTSIDE) is made in a folder of its own beside the projects, in
 * the system's temporary folder: a secret text file and picture, a pipe, a home folder, and the
 * path a payload would create. The tests show that none of it is read, printed or published.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { measureFileName } from '../../../../src/pure/model/measure-number.ts';

const outsideDir = join(tmpdir(), `acftu-outside-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);

/** Things outside the project, and their traces. */
export const OUTSIDE = {
  dir: outsideDir,
  /** A file outside the project whose text must never reach a page or a message. */
  secret: join(outsideDir, 'secret.md'),
  secretText: `OUTSIDE-SECRET-${process.pid}-${Math.random().toString(36).slice(2, 10)}`,
  /** A picture outside the project. */
  picture: join(outsideDir, 'secret.png'),
  /** A pipe: a reader that opens it waits for ever, so a build that reads it never ends. */
  pipe: join(outsideDir, 'pipe.md'),
  /** A home folder whose name must never reach a page or a message. */
  home: join(outsideDir, `home-${Math.random().toString(36).slice(2, 10)}`),
  /** What a payload would create if an entry's code ran. */
  pwned: join(outsideDir, 'PWNED'),
  make() {
    mkdirSync(this.home, { recursive: true });
    writeFileSync(this.secret, `---\nnumber: 99\ntitle: ${this.secretText}\n---\n\n${this.secretText}\n`);
    // A PNG signature and the secret: a picture as far as its name and first bytes go.
    writeFileSync(this.picture, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(this.secretText)]));
    execFileSync('mkfifo', [this.pipe]);
  },
  remove() {
    rmSync(this.dir, { recursive: true, force: true });
  },
};

/** The secret picture as an entry in content/measures/ reaches it: up out of the project and into the outside folder. */
const OUT_OF_PROJECT = `../../../${basename(outsideDir)}/secret.png`;

export interface HostileCase {
  name: string;
  /** `.md` or `.mdx` */
  ext: '.md' | '.mdx';
  /** The entry's text after its frontmatter's measure fields, from line 13 on (see entryText). */
  body?: string;
  /** The whole text, instead of entryText(number) + body. */
  text?: (number: number) => string;
  /** Made otherwise than written (a link, a folder, a file too large …), given the entry's path and the project root. */
  make?: (path: string, root: string) => void;
  /** The lines `npm run check` prints for it, given the entry's file as printed. */
  lines: (file: string, number: number) => string[];
}

/** A measure that passes every check: its body is `测试正文。` then, from line 13, the hostile part. */
export const entryText = (number: number) =>
  `---\nnumber: ${number}\ntitle: 测试正文\nstatus: 推进中\nstatusNote: 测试正文\ntopics: []\nrelated: []\nsource:\n  page: 2\n  paragraphs: [${number}]\n---\n\n测试正文。\n\n`;
/** The line the hostile part starts on. */
const L = 15;

const ELEMENTS = '<abbr title="…">, <sub>, <sup>, <br>, <ruby>, <rp>, <rt>';
const ALLOWED = `Markdown and the elements ${ELEMENTS}`;
const element = (found: string) => `is not an element an entry may use; expected one of ${ELEMENTS}`.replace(/^/, `"${found}" `);
const expression = (code: string) =>
  `${JSON.stringify(code)} is not allowed in an entry: a {…} expression is code that would run as the site is built; expected text (write \\{ for a brace)`;
const esm = (code: string) =>
  `${JSON.stringify(code)} is not allowed in an entry: an entry imports and exports nothing (its code would run as the site is built); expected ${ALLOWED}`;
const address = (url: string) =>
  `${JSON.stringify(url)} is not an address the site publishes (it would run code or embed data); expected a web address (https://…), mailto: or a link to an entry file such as 06.md`;
const picture = (url: string, why: string) =>
  `${JSON.stringify(url)} ${why}; expected a picture file (.png, .jpg, .jpeg, .gif, .webp, .avif) in the content folder, such as ../images/chart.png`;
const diagram = (line: string, why: string) =>
  `${JSON.stringify(line)} is not allowed in an entry's diagram: ${why}; expected nodes, edges, labels, accTitle and accDescr`;
const COLOURS = 'the site gives every diagram its colours, light and dark';

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'MDX that imports child_process and runs a command (the payload would touch a file outside the project)',
    ext: '.mdx',
    body: `import { execSync } from 'node:child_process'\n\n{execSync('touch ${OUTSIDE.pwned}')}\n`,
    lines: (f) => [
      `${f}:${L}:1  mdx  ${esm("import { execSync } from 'node:child_process'")}`,
      `${f}:${L + 2}:1  mdx  ${expression(`${`{execSync('touch ${OUTSIDE.pwned}')}`.slice(0, 50)}…`)}`,
    ],
  },
  {
    name: 'MDX expressions that read the environment and a file outside the project',
    ext: '.mdx',
    body: `家目录{process.env.HOME}，文件{require('fs').readFileSync('${OUTSIDE.secret}', 'utf8')}。\n`,
    lines: (f) => [
      `${f}:${L}:4  mdx  ${expression('{process.env.HOME}')}`,
      `${f}:${L}:25  mdx  ${expression(`${`{require('fs').readFileSync('${OUTSIDE.secret}', 'utf8')}`.slice(0, 50)}…`)}`,
    ],
  },
  {
    name: 'an MDX export that runs code, and an expression that only holds a comment',
    ext: '.mdx',
    body: `export const who = require('node:os').userInfo()\n\n{/* 编者注 */}\n`,
    lines: (f) => [`${f}:${L}:1  mdx  ${esm("export const who = require('node:os').userInfo()")}`, `${f}:${L + 2}:1  mdx  ${expression('{/* 编者注 */}')}`],
  },
  {
    name: 'Fragment set:html with a script, and set:html on an allowed element',
    ext: '.mdx',
    body: `<Fragment set:html="<script>window.__pwned = 1</script>" />\n\n<abbr title="全总" set:html="<img src=x onerror=alert(1)>">全总</abbr>\n`,
    lines: (f) => [
      `${f}:${L}:1  mdx  ${element('<Fragment>')}`,
      `${f}:${L + 2}:18  mdx  "set:html" is not an attribute <abbr> may take (it would put its text on the page as HTML); expected title="…"`,
    ],
  },
  {
    name: 'event handlers in any case, on allowed elements',
    ext: '.mdx',
    body: `<abbr title="全总" onClick="alert(1)" ONMOUSEOVER="alert(2)">全总</abbr>，m<sup onfocus="alert(3)">2</sup>\n`,
    lines: (f) => [
      `${f}:${L}:18  mdx  "onClick" is not an attribute <abbr> may take (an event handler would run code in the reader’s browser); expected title="…"`,
      `${f}:${L}:37  mdx  "ONMOUSEOVER" is not an attribute <abbr> may take (an event handler would run code in the reader’s browser); expected title="…"`,
      `${f}:${L}:76  mdx  "onfocus" is not an attribute <sup> may take (an event handler would run code in the reader’s browser); expected <sup> with no attributes`,
    ],
  },
  {
    name: 'an attribute value that is an expression, and a spread attribute',
    ext: '.mdx',
    body: `<abbr title={"javascript:alert(1)"}>甲</abbr><abbr {...props}>乙</abbr>\n`,
    lines: (f) => [
      `${f}:${L}:7  mdx  "title={\\"javascript:alert(1)\\"}" is not allowed in an entry: a {…} value is code; expected title="…", text in quotes`,
      `${f}:${L}:51  mdx  "{...props}" is not allowed in an entry: a spread attribute is code; expected <abbr> with title="…"`,
    ],
  },
  {
    name: 'elements that are not on the list: a javascript: link, SVG animation, xlink:href, a component, a fragment',
    ext: '.mdx',
    body: `<a href="javascript:alert(1)">甲</a>\n\n<svg><animate attributeName="href" to="javascript:alert(2)" /></svg>\n\n<abbr xlink:href="javascript:alert(3)">丙</abbr><Note>丁</Note><>戊</>\n`,
    lines: (f) => [
      `${f}:${L}:1  mdx  ${element('<a>')}`,
      `${f}:${L + 2}:1  mdx  ${element('<svg>')}`,
      `${f}:${L + 2}:6  mdx  ${element('<animate>')}`,
      `${f}:${L + 4}:7  mdx  "xlink:href" is not an attribute <abbr> may take; expected title="…"`,
      `${f}:${L + 4}:48  mdx  ${element('<Note>')}`,
      `${f}:${L + 4}:62  mdx  ${element('<>')}`,
    ],
  },
  {
    name: 'script, iframe and style elements in MDX',
    ext: '.mdx',
    body: `<script src="https://beacon.example/x.js"></script>\n\n<iframe srcdoc="<script>alert(1)</script>"></iframe>\n\n<style>{"p{background:url(https://beacon.example/y)}"}</style>\n`,
    lines: (f) => [
      `${f}:${L}:1  mdx  ${element('<script>')}`,
      `${f}:${L + 2}:1  mdx  ${element('<iframe>')}`,
      `${f}:${L + 4}:1  mdx  ${element('<style>')}`,
      `${f}:${L + 4}:8  mdx  ${expression('{"p{background:url(https://beacon.example/y)}"}')}`,
    ],
  },
  {
    name: 'javascript: links in any spelling: character references, case, a tab, an autolink; data:, vbscript:, file:',
    ext: '.md',
    body: `[甲](&#106;avascript:alert(1)) [乙](JaVaScRiPt:alert(2)) [丙](java&#x09;script:alert(3)) <javascript:alert(4)>\n[丁](data:text/html,x) [戊](vbscript:msgbox) [己](file:///etc/passwd)\n[庚](tel:12351)\n`,
    lines: (f) => [
      `${f}:${L}:1  link  ${address('javascript:alert(1)')}`,
      `${f}:${L}:31  link  ${address('JaVaScRiPt:alert(2)')}`,
      `${f}:${L}:56  link  ${address('java\tscript:alert(3)')}`,
      `${f}:${L}:87  link  ${address('javascript:alert(4)')}`,
      `${f}:${L + 1}:1  link  ${address('data:text/html,x')}`,
      `${f}:${L + 1}:23  link  ${address('vbscript:msgbox')}`,
      `${f}:${L + 1}:44  link  ${address('file:///etc/passwd')}`,
      `${f}:${L + 2}:1  link  ${address('tel:12351')}`,
    ],
  },
  {
    name: 'a javascript: address in a link reference definition',
    ext: '.md',
    body: `见[说明][甲]。\n\n[甲]: javascript:alert(1)\n`,
    lines: (f) => [`${f}:${L + 2}:1  link  ${address('javascript:alert(1)')}`],
  },
  {
    name: 'a picture with a data: address',
    ext: '.md',
    body: `![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\n`,
    lines: (f) => [
      `${f}:${L}:1  image  "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" is not an address the site publishes (it would run code or embed data); expected a picture file in the content folder`,
    ],
  },
  {
    name: 'pictures from outside the project, missing, not a picture, from the web, or linked from outside',
    ext: '.md',
    body: `![甲](${OUT_OF_PROJECT}) ![乙](../images/none.png) ![丙](../images/drawing.svg) ![丁](https://example.org/a.png) ![戊](../images/linked.png)\n![己](/images/a.png)\n`,
    make: (path) => {
      const images = join(path, '../../images');
      mkdirSync(images, { recursive: true });
      writeFileSync(join(images, 'drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
      symlinkSync(OUTSIDE.picture, join(images, 'linked.png'));
    },
    lines: (f) => {
      const at = (column: number) => `${f}:${L}:${column}  image  `;
      const second = 1 + `![甲](${OUT_OF_PROJECT}) `.length;
      return [
        `${at(1)}${picture(OUT_OF_PROJECT, 'is outside the content folder')}`,
        `${at(second)}${picture('../images/none.png', 'does not exist')}`,
        `${at(second + 25)}${picture('../images/drawing.svg', 'is not a picture the site publishes')}`,
        `${at(second + 53)}${picture('https://example.org/a.png', 'is not a file in the content folder')}`,
        `${at(second + 85)}${picture('../images/linked.png', 'is outside the content folder')}`,
        `${f}:${L + 1}:1  image  ${picture('/images/a.png', 'is not a file in the content folder')}`,
      ];
    },
  },
  {
    name: 'diagrams that link, run callbacks, change mermaid’s settings or carry CSS',
    ext: '.md',
    body: [
      '```mermaid',
      '%%{init: {"securityLevel": "loose", "themeCSS": "p{background:url(https://beacon.example/z)}"}}%%',
      'flowchart LR',
      '  a["甲"] --> b["乙"]',
      '  click a href "javascript:alert(1)"',
      '  a --> c; click c call alert',
      '  style a fill:url(https://beacon.example/s)',
      '  classDef hot fill:#f00',
      '  linkStyle 0 stroke:#f00',
      '```',
      '',
      '```mermaid',
      'sequenceDiagram',
      '  participant A as 甲',
      '  link A: 主页 @ https://beacon.example/',
      '  A->>A: 自述',
      '```',
      '',
    ].join('\n'),
    lines: (f) => [
      `${f}:${L + 1}:1  mermaid  ${diagram('%%{init: {"securityLevel": "loose", "the…', 'a directive changes how mermaid draws')}`,
      `${f}:${L + 4}:3  mermaid  ${diagram('click a href "javascript:alert(1)"', 'a click line makes the drawing a link or runs code')}`,
      `${f}:${L + 5}:12  mermaid  ${diagram('a --> c; click c call alert', 'a click line makes the drawing a link or runs code')}`,
      `${f}:${L + 6}:3  mermaid  ${diagram('style a fill:url(https://beacon.example/…', COLOURS)}`,
      `${f}:${L + 7}:3  mermaid  ${diagram('classDef hot fill:#f00', COLOURS)}`,
      `${f}:${L + 8}:3  mermaid  ${diagram('linkStyle 0 stroke:#f00', COLOURS)}`,
      `${f}:${L + 14}:3  mermaid  ${diagram('link A: 主页 @ https://beacon.example/', 'a link in a drawing leads off the page')}`,
    ],
  },
  {
    name: 'an entry that is a link to a file outside the content folder',
    ext: '.md',
    make: (path) => symlinkSync(OUTSIDE.secret, path),
    lines: (f) => [
      `${f}  file  ${basename(f)} is a link to a file outside the content folder; expected the entry file itself, in the content folder (it was not read)`,
    ],
  },
  {
    name: 'an entry that is a link to a pipe outside the project (reading it would never end)',
    ext: '.md',
    make: (path) => symlinkSync(OUTSIDE.pipe, path),
    lines: (f) => [
      `${f}  file  ${basename(f)} is a link to a file outside the content folder; expected the entry file itself, in the content folder (it was not read)`,
    ],
  },
  {
    name: 'an entry that is a folder',
    ext: '.md',
    make: (path) => mkdirSync(path),
    lines: (f) => [`${f}  file  ${basename(f)} is not a file (a folder, a pipe or a device); expected a text file (it was not read)`],
  },
  {
    name: 'an entry of 3 MB (a whole document pasted in)',
    ext: '.md',
    make: (path) => writeFileSync(path, entryText(Number(/(\d+)\.md$/.exec(path)![1])) + '测试正文。'.repeat(Math.ceil((3 * 1024 * 1024) / 15))),
    lines: (f) => [`${f}  file  ${basename(f)} is 3.0 MB, larger than an entry may be; expected an entry of at most 2.0 MB (it was not read)`],
  },
  {
    name: 'a YAML alias bomb in a list field (a billion documents from ten lines)',
    ext: '.md',
    text: (n) =>
      entryText(n).replace(
        'related: []\n',
        `related: []\ndocuments:\n  - &a0 甲\n${Array.from({ length: 9 }, (_, k) => `  - &a${k + 1} [${Array(9).fill(`*a${k}`).join(', ')}]\n`).join('')}`,
      ),
    lines: (f) => [
      `${f}:10:10  yaml  "*a0" is a YAML alias; expected each value written out (aliases can stand for more values than any machine holds: the fields were not read)`,
    ],
  },
  {
    name: 'a list nested deeper than a reader’s stack',
    ext: '.md',
    text: (n) => entryText(n).replace('related: []\n', `related: []\ndocuments: ${'['.repeat(20000)}${']'.repeat(20000)}\n`),
    lines: (f) => [`${f}:8:1  yaml  "documents: ${'['.repeat(49)}…" does not parse: nested too deeply to be read`],
  },
  {
    name: 'a line of the fields that starts with --- (Astro would end the fields there, the checks would not)',
    ext: '.mdx',
    text: (n) => entryText(n).replace('topics: []\n', "topics: []\n---import { execSync } from 'node:child_process'\n"),
    lines: (f) => [
      `${f}:7:1  frontmatter  "---import { execSync…" starts with --- but is not the closing line; expected the line --- alone after the fields, and no other line of the fields starting with ---`,
    ],
  },
];

/** Writes a case's entry as measure `number` of the content folder in `root`; returns its file as printed. */
export function writeCase(root: string, c: HostileCase, number: number): string {
  const file = `content/measures/${measureFileName(number, c.ext === '.mdx')}`;
  const path = join(root, file);
  if (c.make) c.make(path, root);
  if (c.text || c.body !== undefined) writeFileSync(path, c.text ? c.text(number) : entryText(number) + c.body);
  return file;
}

/** Entries the allowlist admits, as hostile as it lets them be. `__pwned` is what a payload would set. */
export const ADMITTED: { name: string; text: string }[] = [
  {
    name: '05.mdx',
    text:
      entryText(5) +
      [
        '<abbr title="&quot;><img src=x onerror=&quot;window.__pwned=1&quot;>">全总</abbr>，<abbr title="javascript:window.__pwned=2">甲</abbr>，m<sup>2</sup>，H<sub>2</sub>O，<ruby>桁<rp>(</rp><rt>&lt;script&gt;window.__pwned=3&lt;/script&gt;</rt><rp>)</rp></ruby><br />乙。',
        '',
        '[网页](HTTPS://beacon.example/?q=%22onmouseover=window.__pwned=4//) [无协议](//beacon.example/x) [邮件](mailto:a@example.org?subject=%3Cscript%3Ewindow.__pwned=5%3C/script%3E) [片段](#%22%3E%3Cimg%20src=x%20onerror=window.__pwned=6%3E)',
        '',
      ].join('\n'),
  },
  {
    name: '06.md',
    text:
      entryText(6) +
      [
        '<img src=x onerror="window.__pwned=7"> <script>window.__pwned=8</script> <a href="javascript:window.__pwned=9">丙</a>',
        '',
        '<svg onload="window.__pwned=10"><animate attributeName="href" to="javascript:window.__pwned=11" /></svg>',
        '',
        '```mermaid',
        'flowchart LR',
        '  accTitle: <img src=x onerror=window.__pwned=12>',
        '  a["<img src=x onerror=window.__pwned=13>"] --> b["javascript:window.__pwned=14"]',
        '  b --> c["<script>window.__pwned=15</script>"]',
        '```',
        '',
      ].join('\n'),
  },
];
