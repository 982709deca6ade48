/**
 * What an `.mdx` entry may hold besides Markdown: a few HTML elements for what Markdown cannot
 * write (an abbreviation with its expansion, sub- and superscripts, a line break, the reading of
 * a rare character), each with the attributes it may take, written as plain text in quotes.
 * Nothing else: no import or export, no `{…}` expression, no component, no other attribute
 * (so no `on…` handler, `style`, `set:html`, spread `{...x}`, `href` …).
 *
 * Pure rules, shared by the entry checks (which report anything else with its place) and the
 * Markdown plugin (which publishes only these). EDITING.md lists them, with an example each.
 */

/** The elements an MDX entry may use, and the attributes each may take. */
export const MDX_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  abbr: ['title'],
  sub: [],
  sup: [],
  br: [],
  ruby: [],
  rp: [],
  rt: [],
};

/** The elements, as printed in messages: `<abbr title="…">, <sub>, …`. */
export const MDX_ELEMENTS_SHOWN = Object.entries(MDX_ELEMENTS)
  .map(([name, attributes]) => `<${name}${attributes.map((a) => ` ${a}="…"`).join('')}>`)
  .join(', ');

/** Whether an element may stand in an MDX entry. `name` as written: `abbr`, not `Abbr`. */
export const isAllowedElement = (name: string | null | undefined): name is string => typeof name === 'string' && Object.hasOwn(MDX_ELEMENTS, name);

/** Whether an element may take an attribute. */
export const isAllowedAttribute = (element: string, attribute: string) => isAllowedElement(element) && MDX_ELEMENTS[element].includes(attribute);
