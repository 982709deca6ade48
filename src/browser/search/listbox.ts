/**
 * The header box's list as an ARIA combobox and listbox: which option is active (focus stays in
 * the box; aria-activedescendant names the option), opening and closing, and the keys ↓ ↑ Enter
 * Esc. It knows nothing of searching: the combobox (combobox.ts) fills it.
 */
import { h } from './dom.ts';

let counter = 0;

export class Listbox {
  readonly id = `site-search-${++counter}`;
  readonly element: HTMLElement;
  readonly summary: HTMLElement;
  readonly popup: HTMLElement;
  /** Announced to screen readers as results change; the summary is for the eye. */
  readonly live: HTMLElement;
  private options: HTMLElement[] = [];
  private active = -1;
  private sequence = 0;
  private readonly input: HTMLInputElement;

  constructor(input: HTMLInputElement) {
    this.input = input;
    this.element = h('div', { id: `${this.id}-list`, role: 'listbox', class: 'search-options', 'aria-label': '搜索结果' });
    this.summary = h('p', { class: 'search-popup__summary', id: `${this.id}-summary` });
    // Never a scrolling box of its own (a region only a mouse could scroll): a long list extends
    // the page, and the active option is scrolled into view.
    this.popup = h('div', { class: 'search-popup', hidden: '' }, this.summary, this.element);
    this.live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', this.element.id);
    input.setAttribute('aria-describedby', this.summary.id);
  }

  get isOpen(): boolean {
    return !this.popup.hidden;
  }

  get count(): number {
    return this.options.length;
  }

  open(yes: boolean): void {
    this.popup.hidden = !yes;
    this.input.setAttribute('aria-expanded', String(yes));
    if (!yes) this.setActive(-1);
  }

  /** An option: no link inside (an option holds no interactive element); it opens its data-href. */
  option(href: string, ...content: (Node | string | null)[]): HTMLElement {
    return h(
      'div',
      { role: 'option', id: `${this.id}-option-${++this.sequence}`, 'aria-selected': 'false', class: 'search-option', 'data-href': href },
      ...content.filter((c): c is Node | string => c !== null),
    );
  }

  /** Replaces every option. */
  replace(options: HTMLElement[]): void {
    this.options = [...options];
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.element.replaceChildren(...options);
  }

  /** A labelled group of options before the last one ("see all", which stays last on screen and in the keyboard order). */
  insertGroup(label: string, items: HTMLElement[]): void {
    const labelElement = h('div', { role: 'presentation', class: 'search-options__label', id: `${this.id}-group-${++this.sequence}` }, label);
    const group = h('div', { role: 'group', 'aria-labelledby': labelElement.id, class: 'search-options__group' }, labelElement, ...items);
    const at = this.options.length - 1;
    this.options.splice(at, 0, ...items);
    if (this.active >= at) this.setActive(this.active + items.length);
    this.element.insertBefore(group, this.element.lastElementChild);
  }

  setActive(i: number): void {
    this.options[this.active]?.classList.remove('is-active');
    this.options[this.active]?.setAttribute('aria-selected', 'false');
    this.active = i;
    const option = this.options[i];
    if (option) {
      option.classList.add('is-active');
      option.setAttribute('aria-selected', 'true');
      this.input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  /** ↓/↑ move through the options, wrapping around. */
  move(step: 1 | -1): void {
    const n = this.options.length;
    if (!n) return;
    if (!this.isOpen) this.open(true);
    this.setActive(this.active < 0 ? (step > 0 ? 0 : n - 1) : (this.active + step + n) % n);
  }

  get activeOption(): HTMLElement | undefined {
    return this.options[this.active];
  }
}

/** Opens an option's page; in a new tab with Ctrl/⌘/Shift or the middle button, like a link. */
export function follow(option: Element | null | undefined, newTab = false): void {
  const href = option?.getAttribute('data-href');
  if (!href) return;
  if (newTab) window.open(href, '_blank', 'noopener');
  else window.location.assign(href);
}
