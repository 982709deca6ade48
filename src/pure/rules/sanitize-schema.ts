/**
 * The allowlist every entry's HTML passes (rehype-sanitize, after the Markdown plugins, for `.md`
 * and `.mdx` alike): the markup Markdown makes, the site's own marks (figure links with their
 * `<data>` value, correction marks, links to other measures), the diagrams' figures with mermaid's
 * SVG, and the elements an MDX entry may use (src/pure/rules/mdx-allowlist.ts). Anything else is
 * dropped: other elements lose their tags, `<script>` its content too; other attributes (`on…`,
 * `style` outside a drawing, `srcdoc` …) go, and so does an address whose scheme is not
 * http(s) or mailto, however spelt (the check is exact: `JavaScript:`, ` javascript:` or
 * `java&#9;script:` do not match `http`).
 *
 * The ids a page needs keep their names (no `user-content-` prefix): the marks'
 * (`figure-3-in-text`), the drawings' (`d4d2247a7c2-light…`, and any inside a drawing, which its
 * CSS and ARIA refer to) and the footnotes' (already prefixed by remark-rehype); other ids of the
 * text are dropped.
 *
 * Pure data: shared by the build (astro.config.mjs) and its tests.
 */
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import { PUBLISHED_SCHEMES } from './addresses.ts';
import { MDX_ELEMENTS } from './mdx-allowlist.ts';
import { FIGURE_CLASSES, SCROLL_HINT_CLASS } from '../diagrams/figure-classes.ts';

const aria = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy', 'ariaHidden'];

/** The ids the site's own markup gives. */
const SITE_IDS: [string, ...RegExp[]] = [
  'id',
  /^(?:figure|correction)-\d+-in-text$/,
  /^(?:chart-(?:title|desc)-)?d[0-9a-f]{10}-(?:light|dark)(?:$|[-_])/,
  /^user-content-fn/,
  /^footnote-label$/,
];

/** What mermaid draws with (its SVG, shrunk by svgo), element by element: its shapes, text, markers and styles. */
const SVG_PRESENTATION = [
  'alignmentBaseline',
  'clipRule',
  'dominantBaseline',
  'fill',
  'fillOpacity',
  'fillRule',
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontWeight',
  'markerEnd',
  'markerMid',
  'markerStart',
  'opacity',
  'stroke',
  'strokeDashArray',
  'strokeLineCap',
  'strokeLineJoin',
  'strokeOpacity',
  'strokeWidth',
  'textAnchor',
  'transform',
  'transformOrigin',
];
const SVG_ELEMENTS: Record<string, string[]> = {
  svg: ['viewBox', 'preserveAspectRatio', 'width', 'height', 'role', 'ariaRoleDescription', 'xmlns', 'xmlnsXLink'],
  g: ['name'],
  path: ['d', 'name', 'viewBox'],
  rect: ['x', 'y', 'width', 'height', 'rx', 'ry', 'name'],
  circle: ['cx', 'cy', 'r', 'width', 'height', 'overflow'],
  ellipse: ['cx', 'cy', 'rx', 'ry'],
  line: ['x1', 'x2', 'y1', 'y2'],
  polyline: ['points'],
  polygon: ['points'],
  text: ['x', 'y', 'dx', 'dy'],
  tspan: ['x', 'y', 'dx', 'dy'],
  title: [],
  desc: [],
  defs: [],
  style: [],
  marker: ['viewBox', 'refX', 'refY', 'markerWidth', 'markerHeight', 'markerUnits', 'orient'],
  linearGradient: ['gradientUnits', 'x1', 'x2', 'y1', 'y2'],
  stop: ['offset', 'stopColor', 'stopOpacity'],
  filter: ['x', 'y', 'width', 'height'],
  feDropShadow: ['dx', 'dy', 'stdDeviation', 'floodColor', 'floodOpacity'],
  symbol: ['viewBox', 'width', 'height'],
  switch: [],
  foreignObject: ['x', 'y', 'width', 'height'],
};
/** mermaid's data-* attributes on its shapes (they carry no code: the site has no script that reads them). */
const MERMAID_DATA = ['dataEt', 'dataId', 'dataLook', 'dataType', 'dataEdge', 'dataFrom', 'dataTo', 'dataPoints'];

const addresses = [...PUBLISHED_SCHEMES];

export const entrySanitizeSchema: SanitizeSchema = {
  tagNames: [
    // Markdown (GFM) and its footnotes
    ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'em', 'strong', 'del', 'code', 'pre', 'hr', 'br', 'a', 'img'],
    ...['table', 'thead', 'tbody', 'tr', 'th', 'td', 'input', 'sup', 'section'],
    // the site's marks and figures
    ...['data', 'figure', 'figcaption', 'div', 'span'],
    ...Object.keys(MDX_ELEMENTS),
    ...Object.keys(SVG_ELEMENTS),
  ],
  attributes: {
    // A link of the text (a figure or correction mark, a footnote's) or of a drawing.
    a: [
      ...aria,
      'href',
      'title',
      ['className', 'figure', 'correction', 'data-footnote-backref'],
      'dataFootnoteRef',
      'dataFootnoteBackref',
      'xLinkHref',
      ...SVG_PRESENTATION,
      ...MERMAID_DATA,
    ],
    abbr: ['title'],
    code: [['className', /^language-./]],
    data: ['value'],
    // A drawing's figure, its themes, and the HTML labels some diagram types draw in a foreignObject;
    // on a phone, the box that scrolls a wide drawing (named, reachable by keyboard) and its hint.
    div: ['className', 'xmlns', 'style', 'tabIndex', 'role', 'ariaLabel'],
    figure: [['className', ...FIGURE_CLASSES]],
    h2: [['className', 'sr-only']],
    img: ['src', 'alt', 'title'],
    input: [
      ['disabled', true],
      ['type', 'checkbox'],
      ['checked', true],
    ],
    li: [['className', 'task-list-item']],
    ol: ['start', ['className', 'contains-task-list']],
    p: [['className', SCROLL_HINT_CLASS], 'ariaHidden'],
    section: ['dataFootnotes', ['className', 'footnotes']],
    span: ['className', 'style'],
    td: ['align'],
    th: ['align'],
    ul: [['className', 'contains-task-list']],
    ...Object.fromEntries(
      Object.entries(SVG_ELEMENTS).map(([name, own]) => [name, [...own, ...SVG_PRESENTATION, ...MERMAID_DATA, ...aria, 'className', 'style', 'id']]),
    ),
    '*': [SITE_IDS],
  },
  // An address: no scheme, or one the site publishes.
  protocols: { href: addresses, xLinkHref: addresses, src: ['http', 'https'] },
  ancestors: {
    tbody: ['table'],
    td: ['table'],
    th: ['table'],
    thead: ['table'],
    tr: ['table'],
    rp: ['ruby'],
    rt: ['ruby'],
    // SVG's own elements stand only inside a drawing; `style` and `title` there hold its CSS and its name.
    ...Object.fromEntries(
      Object.keys(SVG_ELEMENTS)
        .filter((name) => name !== 'svg')
        .map((name) => [name, ['svg']]),
    ),
  },
  required: { input: { disabled: true, type: 'checkbox' } },
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'math'],
};
