/**
 * The search box in the header of every page, once the reader has focused it: an ARIA
 * combobox with a listbox of the measures that hold the query exactly (the best few, each with
 * its matching passage), and a last option that opens the search page with every result and
 * the filters. Keyboard: ↓/↑ move through the options, Enter opens the active one (or, with
 * none active, the search page), Esc closes the list (a second Esc clears the box), Tab leaves.
 * Without JavaScript the same box is a plain form that opens the search page.
 */
import { h, measureHref, measureLabel, passageElement, quoted, statusTag } from './render.ts';
import { loadedIndex, loadIndex, searchExact, searchPartial, suggestions, type Exact } from './search.ts';
import { NO_SELECTION, type ExactIndex } from './engine.ts';
import { QUERY_PARAM } from './texts.ts';

/** Options shown for exact matches; the rest are on the search page. */
const MAX_OPTIONS = 6;
/** Options for partial matches, shown only when nothing matches exactly. */
const MAX_PARTIAL = 4;

let counter = 0;

export function attachCombobox(form: HTMLFormElement, input: HTMLInputElement): void {
  if (input.dataset.searchAttached) return;
  input.dataset.searchAttached = 'true';
  const id = `site-search-${++counter}`;
  const listbox = h('div', { id: `${id}-list`, role: 'listbox', class: 'search-options', 'aria-label': '搜索结果' });
  const summary = h('p', { class: 'search-popup__summary', id: `${id}-summary` });
  // Never a scrolling box of its own (a region only a mouse could scroll): a long list extends
  // the page, and the active option is scrolled into view.
  const popup = h('div', { class: 'search-popup', hidden: '' }, summary, listbox);
  // Announced to screen readers as results change; the popup's summary is for the eye.
  const live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  form.classList.add('search-form--live');
  form.append(popup, live);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);
  input.setAttribute('aria-describedby', summary.id);

  let active = -1;
  let options: HTMLElement[] = [];
  let generation = 0;
  let sequence = 0;

  const open = (yes: boolean) => {
    popup.hidden = !yes;
    input.setAttribute('aria-expanded', String(yes));
    if (!yes) setActive(-1);
  };

  function setActive(i: number) {
    options[active]?.classList.remove('is-active');
    options[active]?.setAttribute('aria-selected', 'false');
    active = i;
    const option = options[active];
    if (option) {
      option.classList.add('is-active');
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function option(href: string, ...content: (Node | string)[]): HTMLElement {
    // No link inside: an option holds no interactive element (ARIA). The pointer and the
    // keyboard go to its data-href (see follow below).
    return h('div', { role: 'option', id: `${id}-option-${++sequence}`, 'aria-selected': 'false', class: 'search-option', 'data-href': href }, ...content);
  }

  /** Opens an option's page; in a new tab with Ctrl/⌘/Shift or the middle button, like a link. */
  function follow(option: Element | null | undefined, newTab = false) {
    const href = option?.getAttribute('data-href');
    if (!href) return;
    if (newTab) window.open(href, '_blank', 'noopener');
    else window.location.assign(href);
  }

  const searchPage = (text: string) => `${form.action.split('?')[0]}?${QUERY_PARAM}=${encodeURIComponent(text)}`;

  function render(index: ExactIndex, exact: Exact) {
    const { query, result } = exact;
    options = [];
    active = -1;
    input.removeAttribute('aria-activedescendant');
    listbox.replaceChildren();
    form.dataset.query = query.text;
    if (query.terms.length === 0) {
      open(false);
      live.textContent = '';
      form.dataset.state = 'ready';
      return;
    }
    const n = result.all.length;
    const words = quoted(query.display);
    summary.textContent = n ? `${n}项措施包含${words}` : `没有措施包含${words}`;
    for (const match of result.all.slice(0, MAX_OPTIONS)) {
      const { element, firstMatch } = passageElement(match.doc, query.terms, 48);
      const li = option(
        measureHref(match.doc, firstMatch),
        h('span', { class: 'search-option__title' }, h('span', { class: 'number' }, measureLabel(match.doc.n)), match.doc.title),
        statusTag(index, match.doc),
        element,
      );
      options.push(li);
      listbox.append(li);
    }
    const all = option(searchPage(query.text), h('span', { class: 'search-option__all' }, n > MAX_OPTIONS ? `查看全部${n}项结果，按状态和主题筛选` : '在搜索页按状态和主题筛选'));
    all.classList.add('search-option--all');
    options.push(all);
    listbox.append(all);
    open(true);
    live.textContent = summary.textContent;
    form.dataset.state = 'ready';
    if (n === 0) void renderAlternatives(index, exact, generation);
  }

  /** Options added before "see all" (which stays last on screen and in the keyboard order). */
  function addGroup(labelText: string, items: HTMLElement[], mine: number) {
    const label = h('div', { role: 'presentation', class: 'search-options__label', id: `${id}-group-${mine}-${options.length}` }, labelText);
    const group = h('div', { role: 'group', 'aria-labelledby': label.id, class: 'search-options__group' }, label, ...items);
    const at = options.length - 1;
    options.splice(at, 0, ...items);
    if (active >= at) setActive(active + items.length);
    listbox.insertBefore(group, listbox.lastElementChild);
  }

  /** With no exact match: other searches (one word), or the measures with some of the words. */
  async function renderAlternatives(index: ExactIndex, exact: Exact, mine: number) {
    // Once the reader pauses (the list is on screen already): while they type, every keystroke
    // gets the main thread.
    await new Promise((resolve) => setTimeout(resolve, 150));
    if (mine !== generation) return;
    const offered = suggestions(index, exact, NO_SELECTION).slice(0, MAX_PARTIAL);
    if (offered.length) {
      addGroup(
        '可以改搜其中的词语：',
        offered.map((o) => option(searchPage(o.display), h('span', { class: 'search-option__all' }, `搜索“${o.display}”（${o.count}项）`))),
        mine,
      );
    }
    const partial = await searchPartial(index, exact, NO_SELECTION);
    if (mine !== generation || partial.length === 0) return;
    const items = partial.slice(0, MAX_PARTIAL).map(({ doc, held, heldDisplay }) => {
      const { element, firstMatch } = passageElement(doc, held, 48);
      return option(
        measureHref(doc, firstMatch),
        h('span', { class: 'search-option__title' }, h('span', { class: 'number' }, measureLabel(doc.n)), doc.title),
        h('span', { class: 'search-option__held' }, `只含${quoted(heldDisplay)}`),
        element,
      );
    });
    addGroup('以下措施只有其中的部分词语：', items, mine);
    summary.textContent += `；${partial.length}项只有其中的部分词语`;
    live.textContent = summary.textContent;
  }

  async function run() {
    const mine = ++generation;
    const text = input.value;
    form.dataset.state = 'loading';
    const index = loadedIndex() ?? (await loadIndex().catch(() => undefined));
    if (mine !== generation) return;
    if (!index) {
      form.dataset.state = 'error';
      summary.textContent = '搜索暂时无法使用，请按回车键打开搜索页。';
      open(true);
      return;
    }
    render(index, searchExact(index, text, NO_SELECTION));
  }

  // The loader (src/search/loader.ts) marks a composing box with data-composing, from the first keystroke.
  const composing = () => input.dataset.composing === '1';
  input.addEventListener('compositionend', () => {
    void run();
  });
  input.addEventListener('input', (event) => {
    // While an IME composes, the box holds pinyin, not the query.
    if (composing() || (event as InputEvent).isComposing) return;
    void run();
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && options.length) open(true);
  });
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    const count = options.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!count) return;
        event.preventDefault();
        if (popup.hidden) open(true);
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
        break;
      }
      case 'Enter': {
        if (!popup.hidden && options[active]) {
          event.preventDefault();
          follow(options[active], event.ctrlKey || event.metaKey || event.shiftKey);
        }
        // Otherwise the form submits: the search page, with the query in its URL.
        break;
      }
      case 'Escape':
        if (!popup.hidden) {
          event.preventDefault();
          open(false);
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          void run();
        }
        break;
    }
  });
  // Clicking an option must not blur the box before its page opens.
  popup.addEventListener('mousedown', (event) => event.preventDefault());
  popup.addEventListener('click', (event) => {
    const target = (event.target as Element).closest('[role="option"]');
    follow(target, event.ctrlKey || event.metaKey || event.shiftKey);
  });
  popup.addEventListener('auxclick', (event) => {
    if (event.button === 1) follow((event.target as Element).closest('[role="option"]'), true);
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) open(false);
  });

  // Whatever the reader typed while the code was loading.
  if (input.value.trim() && !composing()) void run();
  else void loadIndex().catch(() => undefined);
}
