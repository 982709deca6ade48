/** Elements built with DOM calls (never innerHTML), so no text can become markup. */
type Children = (Node | string | null | undefined | false)[];

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Children): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') el.className = value;
    else el.setAttribute(name, value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** The element `selector` finds in `root`; a page without it is a build error, said plainly. */
export function need<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`search: no ${selector}`);
  return el;
}
