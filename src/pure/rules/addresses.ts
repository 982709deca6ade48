/**
 * Which addresses an entry may publish, in links, link reference definitions and images: web
 * addresses (http, https), mail (mailto) and addresses with no scheme at all (a site address
 * `/…`, a relative one `06.md`, a fragment `#…`). Everything else — `javascript:`, `data:`,
 * `vbscript:`, `file:` … — is refused, however it is spelt.
 *
 * Pure rules, shared by the entry checks (which report an address) and the Markdown plugins
 * (which never publish one): the one place that decides.
 */

/** The schemes an address in an entry may have. */
export const PUBLISHED_SCHEMES = ['http', 'https', 'mailto'] as const;

/**
 * The scheme of an address as a browser reads it, lower-cased, or undefined when it has none.
 * The address is taken as decoded (Markdown and HTML character references already read, as the
 * parsers give it). A browser drops tabs and line breaks anywhere in an address and control
 * characters and spaces around it (`java\tscript:`, ` javascript:`): every character up to a
 * space is dropped here, which refuses more spellings than a browser reads, never fewer.
 */
export function addressScheme(url: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a browser drops control characters and spaces from an address, so the scheme is read without them
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1].toLowerCase();
}

/** Whether an entry may publish an address: no scheme, or one of PUBLISHED_SCHEMES. */
export function isPublishableAddress(url: string): boolean {
  const scheme = addressScheme(url);
  return scheme === undefined || (PUBLISHED_SCHEMES as readonly string[]).includes(scheme);
}
