/**
 * The search box in the header of every page, once the reader has focused it: as they type, a
 * list (listbox.ts) of the best few results that hold the query exactly, each with its passage,
 * and a last option that opens the search page with every result and the filters. With no exact
 * result: shorter words to search instead, and results that hold some of the words. Without
 * JavaScript the same box is a plain form that opens the search page.
 */
import { parseQuery } from '../../pure/search/normalize.ts';
import { NO_SELECTION } from '../../pure/search/rank.ts';
import type { ExactResult, Match, Searcher } from '../../pure/search/search.ts';
import { QUERY_PARAM } from '../../pure/search/names.ts';
import { h } from './dom.ts';
import { follow, Listbox } from './listbox.ts';
import { countSummary, heldWords, passageElement, quoted, resultHref, resultTitle, statusTag } from './render.ts';
import { openedSearch, openSearch } from './session.ts';

/** Options shown for exact matches; the rest are on the search page. */
const MAX_OPTIONS = 6;
/** Options for partial matches, shown only when nothing matches exactly. */
const MAX_PARTIAL = 4;
/** Alternatives are worked out once the reader pauses: while they type, each key gets the main thread. */
const PAUSE_MS = 150;

export function attachCombobox(form: HTMLFormElement, input: HTMLInputElement): void {
  if (input.dataset.searchAttached) return;
  input.dataset.searchAttached = 'true';
  const list = new Listbox(input);
  form.classList.add('search-form--live');
  form.append(list.popup, list.live);
  let generation = 0;

  const searchPage = (text: string) => `${form.action.split('?')[0]}?${QUERY_PARAM}=${encodeURIComponent(text)}`;

  async function resultOption(searcher: Searcher, match: Match, terms: readonly string[], note?: string): Promise<HTMLElement> {
    const fragment = await searcher.store.fragment(match.doc);
    const { element, firstMatch } = passageElement(fragment, terms, 48);
    return list.option(
      resultHref(fragment, firstMatch),
      h('span', { class: 'search-option__title' }, ...resultTitle(fragment)),
      statusTag(searcher.manifest, match),
      note ? h('span', { class: 'search-option__held' }, note) : null,
      element,
    );
  }

  async function render(searcher: Searcher, exact: ExactResult, mine: number) {
    const { query, list: found } = exact;
    const options = await Promise.all(found.shown.slice(0, MAX_OPTIONS).map((m) => resultOption(searcher, m, query.terms)));
    if (mine !== generation) return;
    const n = found.all.length;
    const sure = found.unread.length === 0;
    list.summary.textContent = countSummary(found, quoted(query.display));
    const all = !sure
      ? '查看全部结果，按状态和主题筛选'
      : n > MAX_OPTIONS
        ? `查看全部${n}项结果，按状态和主题筛选`
        : n
          ? '在搜索页按状态和主题筛选'
          : '在搜索页查看其他找法';
    const more = list.option(searchPage(query.text), h('span', { class: 'search-option__all' }, all));
    more.classList.add('search-option--all');
    list.replace([...options, more]);
    list.open(true);
    list.live.textContent = list.summary.textContent;
    form.dataset.state = 'ready';
    if (n === 0 && sure) void renderAlternatives(searcher, exact, mine);
  }

  /** With no exact match: other searches (one word), or the results with some of the words. */
  async function renderAlternatives(searcher: Searcher, exact: ExactResult, mine: number) {
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    if (mine !== generation) return;
    const offered = (await searcher.suggestions(exact, NO_SELECTION)).slice(0, MAX_PARTIAL);
    if (mine !== generation) return;
    if (offered.length) {
      list.insertGroup(
        '可以改搜其中的词语：',
        offered.map((o) => list.option(searchPage(o.display), h('span', { class: 'search-option__all' }, `搜索“${o.display}”（${o.count}项）`))),
      );
    }
    const partial = await searcher.partial(exact, NO_SELECTION, MAX_PARTIAL);
    if (mine !== generation || partial.found === 0) return;
    const { terms, display } = exact.query;
    const items = await Promise.all(
      partial.shown.slice(0, MAX_PARTIAL).map((m) => resultOption(searcher, m, heldWords(m, terms), `只含${quoted(heldWords(m, display))}`)),
    );
    if (mine !== generation) return;
    list.insertGroup('以下只有其中的部分词语：', items);
    list.summary.textContent += `；${partial.complete ? '' : '至少'}${partial.found}项只有其中的部分词语`;
    list.live.textContent = list.summary.textContent;
  }

  async function run() {
    const mine = ++generation;
    const query = parseQuery(input.value);
    form.dataset.state = 'loading';
    form.dataset.query = query.text;
    if (query.terms.length === 0) {
      list.replace([]);
      list.open(false);
      list.live.textContent = '';
      form.dataset.state = 'ready';
      return;
    }
    try {
      const searcher = openedSearch() ?? (await openSearch());
      // The search parses the query itself: the manifest brings the traditional forms to fold.
      const exact = await searcher.exact(input.value, NO_SELECTION, MAX_OPTIONS);
      if (mine === generation) await render(searcher, exact, mine);
    } catch (error) {
      if (mine !== generation) return;
      console.warn(error);
      form.dataset.state = 'error';
      list.summary.textContent = '搜索暂时无法使用，请按回车键打开搜索页。';
      list.replace([]);
      list.open(true);
    }
  }

  // The loader (loader.ts) marks a composing box with data-composing, from the first keystroke.
  const composing = () => input.dataset.composing === '1';
  input.addEventListener('compositionend', () => void run());
  input.addEventListener('input', (event) => {
    // While an IME composes, the box holds pinyin, not the query.
    if (composing() || (event as InputEvent).isComposing) return;
    void run();
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.count) list.open(true);
  });
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!list.count) return;
        event.preventDefault();
        list.move(event.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter':
        if (list.isOpen && list.activeOption) {
          event.preventDefault();
          follow(list.activeOption, event.ctrlKey || event.metaKey || event.shiftKey);
        }
        // Otherwise the form submits: the search page, with the query in its URL.
        break;
      case 'Escape':
        if (list.isOpen) {
          event.preventDefault();
          list.open(false);
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          void run();
        }
        break;
    }
  });
  // Clicking an option must not blur the box before its page opens.
  list.popup.addEventListener('mousedown', (event) => event.preventDefault());
  list.popup.addEventListener('click', (event) => {
    follow((event.target as Element).closest('[role="option"]'), event.ctrlKey || event.metaKey || event.shiftKey);
  });
  list.popup.addEventListener('auxclick', (event) => {
    if (event.button === 1) follow((event.target as Element).closest('[role="option"]'), true);
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) list.open(false);
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) list.open(false);
  });

  // Whatever the reader typed while the code was loading.
  if (input.value.trim() && !composing()) void run();
  else void openSearch().catch(() => undefined);
}
