/**
 * The class names of a diagram's figure (diagram-figure.ts builds it, report.css lays it out),
 * in one place: the entries' allowlist (src/pure/rules/sanitize-schema.ts) lets exactly these through.
 */

/** The figure, and how it is laid out on a phone when its drawing is too wide to read there. */
export const FIGURE_CLASSES = ['diagram', 'diagram--top-down', 'diagram--scroll', 'diagram--wide-only'] as const;

/** The box that scrolls a wide drawing sideways on a phone, and the line that says it does. */
export const SCROLL_BOX_CLASS = 'diagram-scroll';
export const SCROLL_HINT_CLASS = 'diagram-scroll-hint';
