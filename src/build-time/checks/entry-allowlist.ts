/**
 * What an entry may contain, decided on its syntax tree before anything else reads it: an entry
 * is content, and nothing in it ever runs. In an `.mdx` entry, MDX is a restricted dialect:
 * Markdown and the elements of src/pure/rules/mdx-allowlist.ts with their attributes as text in
 * quotes; an import or export, a `{…}` expression, any other element or attribute (an `on…`
 * handler, `set:html`, a spread `{...x}`, `href`) is an error, found on the tree that
 * remark-mdx parses (no code is evaluated: acorn only reads it). In any entry, a link, a link
 * reference definition or an image publishes only the addresses of src/pure/rules/addresses.ts.
 */
import type { Definition, Image, ImageReference, Link, Nodes, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { isPublishableAddress } from '../../pure/rules/addresses.ts';
import { isAllowedAttribute, isAllowedElement, MDX_ELEMENTS, MDX_ELEMENTS_SHOWN } from '../../pure/rules/mdx-allowlist.ts';
import type { Entry } from './load-entries.ts';
import { problemAt, type Place, type Problem } from '../../pure/problems/problem.ts';

/** An image of the entry, for the image checks (images.ts). */
export interface BodyImage {
  url: string;
  place: Place;
}

const ALLOWED = `Markdown and the elements ${MDX_ELEMENTS_SHOWN}`;

/** Source text as shown in a message: the first line, at most 50 characters, in quotes. */
function excerpt(text: string): string {
  const line = text.trim().split('\n')[0];
  return JSON.stringify(line.length > 50 ? `${line.slice(0, 50)}…` : line);
}

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;
type Positioned = { position?: { start: { line: number; column: number } } };

const placeOf = (entry: Entry, node: Positioned): Place => entry.inBody(node.position?.start.line ?? 1, node.position?.start.column ?? 1);

/** Why an attribute is refused, in the words an editor needs, and what the element takes instead. */
function attributeProblem(entry: Entry, element: Jsx, attribute: MdxJsxAttribute | MdxJsxExpressionAttribute): Problem | undefined {
  const name = element.name ?? '';
  const takes = MDX_ELEMENTS[name].length ? MDX_ELEMENTS[name].map((a) => `${a}="…"`).join(', ') : 'no attributes';
  const at = placeOf(entry, attribute.position ? attribute : element);
  if (attribute.type === 'mdxJsxExpressionAttribute') {
    const found = excerpt(`{${attribute.value}}`);
    return problemAt(entry.file, at, {
      field: 'mdx',
      found,
      expected: `<${name}> with ${takes}`,
      message: `${found} is not allowed in an entry: a spread attribute is code; expected <${name}> with ${takes}`,
    });
  }
  if (!isAllowedAttribute(name, attribute.name)) {
    const found = JSON.stringify(attribute.name);
    const why = /^on/i.test(attribute.name)
      ? ' (an event handler would run code in the reader’s browser)'
      : /^set:/i.test(attribute.name)
        ? ' (it would put its text on the page as HTML)'
        : '';
    return problemAt(entry.file, at, {
      field: 'mdx',
      found,
      expected: takes,
      message: `${found} is not an attribute <${name}> may take${why}; expected ${takes === 'no attributes' ? `<${name}> with no attributes` : takes}`,
    });
  }
  if (attribute.value !== null && typeof attribute.value === 'object') {
    const found = excerpt(`${attribute.name}={${attribute.value.value}}`);
    return problemAt(entry.file, at, {
      field: 'mdx',
      found,
      expected: `${attribute.name}="…"`,
      message: `${found} is not allowed in an entry: a {…} value is code; expected ${attribute.name}="…", text in quotes`,
    });
  }
  return undefined;
}

/** What is refused in an MDX node, or nothing for the nodes of plain Markdown. */
function mdxProblems(entry: Entry, node: Nodes): Problem[] {
  switch (node.type) {
    case 'mdxjsEsm': {
      const found = excerpt(node.value);
      return [
        problemAt(entry.file, placeOf(entry, node), {
          field: 'mdx',
          found,
          expected: ALLOWED,
          message: `${found} is not allowed in an entry: an entry imports and exports nothing (its code would run as the site is built); expected ${ALLOWED}`,
        }),
      ];
    }
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const found = excerpt(`{${node.value}}`);
      return [
        problemAt(entry.file, placeOf(entry, node), {
          field: 'mdx',
          found,
          expected: 'text (\\{ for a brace)',
          message: `${found} is not allowed in an entry: a {…} expression is code that would run as the site is built; expected text (write \\{ for a brace)`,
        }),
      ];
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      if (!isAllowedElement(node.name)) {
        const found = JSON.stringify(node.name === null ? '<>' : `<${node.name}>`);
        return [
          problemAt(entry.file, placeOf(entry, node), {
            field: 'mdx',
            found,
            expected: MDX_ELEMENTS_SHOWN,
            message: `${found} is not an element an entry may use; expected one of ${MDX_ELEMENTS_SHOWN}`,
          }),
        ];
      }
      return node.attributes.flatMap((attribute) => attributeProblem(entry, node, attribute) ?? []);
    }
    default:
      return [];
  }
}

function unsafeAddress(entry: Entry, node: Link | Definition | Image, field: string): Problem {
  const found = JSON.stringify(node.url);
  return problemAt(entry.file, placeOf(entry, node), {
    field,
    found,
    expected: 'a web address (https://…), mailto: or a link to an entry file',
    message:
      field === 'image'
        ? `${found} is not an address the site publishes (it would run code or embed data); expected a picture file in the content folder`
        : `${found} is not an address the site publishes (it would run code or embed data); expected a web address (https://…), mailto: or a link to an entry file such as 06.md`,
  });
}

export interface AllowlistResult {
  problems: Problem[];
  /** The images of the body, with the address each shows (a reference's definition's). */
  images: BodyImage[];
  /** Links and definitions whose address may be published, for the link checks. */
  links: { url: string; place: Place }[];
}

/** The entry's body against the allowlist: every refused node, and the images and links to check further. */
export function allowlistProblems(entry: Entry, tree: Root): AllowlistResult {
  const problems: Problem[] = [];
  const images: BodyImage[] = [];
  const links: AllowlistResult['links'] = [];
  const definitions = new Map<string, Definition>();
  const references: ImageReference[] = [];
  visit(tree, (node: Nodes) => {
    problems.push(...mdxProblems(entry, node));
    if (node.type === 'link' || node.type === 'definition') {
      if (node.type === 'definition') definitions.set(node.identifier, node);
      if (isPublishableAddress(node.url)) links.push({ url: node.url, place: placeOf(entry, node) });
      else problems.push(unsafeAddress(entry, node, 'link'));
    } else if (node.type === 'image') {
      if (isPublishableAddress(node.url)) images.push({ url: node.url, place: placeOf(entry, node) });
      else problems.push(unsafeAddress(entry, node, 'image'));
    } else if (node.type === 'imageReference') {
      references.push(node);
    }
  });
  // An image written as a reference (`![图][1]` and `[1]: a.png`) shows its definition's address.
  for (const reference of references) {
    const definition = definitions.get(reference.identifier);
    if (definition && isPublishableAddress(definition.url)) images.push({ url: definition.url, place: placeOf(entry, reference) });
  }
  return { problems, images, links };
}
