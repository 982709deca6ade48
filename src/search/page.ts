/**
 * The search page, /search/?q=…&status=…&topic=… (the names are in src/search/texts.ts): the URL
 * is the search, so it can be shared, bookmarked and revisited with the back button. Typing
 * updates the results and replaces the URL; submitting and changing a filter add a history
 * entry. Measures that hold the query exactly come first, with their passage and the query
 * marked; measures that hold only some of its words follow under their own heading. Filters by
 * status and topic (from the entries' frontmatter, labels from the vocabulary) combine with the
 * query and show their counts.
 */
import { NO_SELECTION, type ExactIndex, type Selection } from './engine.ts';
import { h, measureHref, measureLabel, passageElement, quoted, statusTag } from './render.ts';
import { loadIndex, searchExact, searchPartial, suggestions, type Exact, type PartialMatch } from './search.ts';
import { MAX_QUERY_LENGTH } from './normalize.ts';
import { FILTER_STATUS, FILTER_TOPIC, QUERY_PARAM } from './texts.ts';

/** Results drawn at first, and added by each "more" button press. */
const FIRST_PAGE = 20;
const NEXT_PAGE = 50;

/** How long the reader must pause before suggestions and partial matches are worked out. */
const PAUSE_MS = 150;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, PAUSE_MS));

function need<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`search page: no ${selector}`);
  return el;
}

export function attachSearchPage(): void {
  const form = need<HTMLFormElement>(document, '[data-search-page]');
  const input = need<HTMLInputElement>(form, `input[name="${QUERY_PARAM}"]`);
  const filters = need<HTMLDetailsElement>(form, '[data-filters]');
  const filterSummary = need<HTMLElement>(form, '[data-filter-summary]');
  const clear = need<HTMLButtonElement>(form, '[data-clear-filters]');
  const results = need<HTMLElement>(document, '[data-results]');
  const summary = need<HTMLElement>(results, '[data-summary]');
  const suggest = need<HTMLElement>(results, '[data-suggestions]');
  const exactList = need<HTMLOListElement>(results, '[data-exact]');
  const exactMore = need<HTMLButtonElement>(results, '[data-exact-more]');
  const partialSection = need<HTMLElement>(results, '[data-partial]');
  const partialIntro = need<HTMLElement>(results, '[data-partial-intro]');
  const partialList = need<HTMLOListElement>(results, '[data-partial-list]');
  const partialMore = need<HTMLButtonElement>(results, '[data-partial-more]');
  const boxes = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${name}"]`)];
  const statusBoxes = boxes(FILTER_STATUS);
  const topicBoxes = boxes(FILTER_TOPIC);
  const baseTitle = document.title;

  let index: ExactIndex | undefined;
  let generation = 0;
  let exactShown: Exact | undefined;
  let partialShown: PartialMatch[] = [];

  // Filters open beside the results on a wide screen, folded above them on a phone.
  if (window.matchMedia('(min-width: 48rem)').matches) filters.open = true;

  function selection(): Selection {
    if (!index) return NO_SELECTION;
    const pick = (list: HTMLInputElement[], labels: string[]) =>
      new Set(list.filter((b) => b.checked).map((b) => labels.indexOf(b.value)).filter((i) => i >= 0));
    return { statuses: pick(statusBoxes, index.statuses.map((s) => s.label)), topics: pick(topicBoxes, index.topics) };
  }

  /** The page's state as a URL: q, then each chosen status and topic. */
  function stateUrl(): string {
    const params = new URLSearchParams();
    const q = input.value.trim();
    if (q) params.set(QUERY_PARAM, q);
    for (const b of [...statusBoxes, ...topicBoxes]) if (b.checked) params.append(b.name, b.value);
    const search = params.toString();
    return `${location.pathname}${search ? `?${search}` : ''}`;
  }

  function saveUrl(push: boolean) {
    const url = stateUrl();
    if (url === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  function readUrl() {
    const params = new URLSearchParams(location.search);
    input.value = (params.get(QUERY_PARAM) ?? '').slice(0, MAX_QUERY_LENGTH);
    const statuses = params.getAll(FILTER_STATUS);
    const topics = params.getAll(FILTER_TOPIC);
    for (const b of statusBoxes) b.checked = statuses.includes(b.value);
    for (const b of topicBoxes) b.checked = topics.includes(b.value);
    if (statuses.length || topics.length) filters.open = true;
  }

  function resultItem(doc: Exact['result']['all'][number]['doc'], terms: readonly string[], extra?: Node): HTMLLIElement {
    const { element, firstMatch } = passageElement(doc, terms);
    const topics = doc.topics.map((t) => index!.topics[t]).join('、');
    return h(
      'li',
      { class: 'search-result' },
      h('h3', { class: 'search-result__title' }, h('a', { href: measureHref(doc, firstMatch) }, h('span', { class: 'number' }, measureLabel(doc.n)), doc.title)),
      h('p', { class: 'search-result__meta' }, statusTag(index!, doc), topics ? h('span', { class: 'muted' }, topics) : null, extra ?? null),
      element,
    );
  }

  function drawExact(from: number, to: number) {
    if (!exactShown) return;
    const { query, result } = exactShown;
    for (const match of result.shown.slice(from, to)) {
      const count = match.counts.reduce((n, c) => n + c, 0);
      const where = query.terms.length ? h('span', { class: 'muted' }, `出现${count}次`) : undefined;
      exactList.append(resultItem(match.doc, query.terms, where));
    }
    const rest = result.shown.length - exactList.children.length;
    exactMore.hidden = rest <= 0;
    exactMore.textContent = `再显示${Math.min(rest, NEXT_PAGE)}项（还有${rest}项）`;
  }

  function drawPartial(from: number, to: number) {
    for (const { doc, held, heldDisplay } of partialShown.slice(from, to)) {
      partialList.append(resultItem(doc, held, h('span', { class: 'search-result__held' }, `只含${quoted(heldDisplay)}`)));
    }
    const rest = partialShown.length - partialList.children.length;
    partialMore.hidden = rest <= 0;
    partialMore.textContent = `再显示${Math.min(rest, NEXT_PAGE)}项（还有${rest}项）`;
  }

  function drawFacets(exact: Exact) {
    const { facets } = exact.result;
    const set = (list: HTMLInputElement[], counts: number[], labels: string[]) => {
      for (const b of list) {
        const n = counts[labels.indexOf(b.value)] ?? 0;
        const count = b.parentElement?.querySelector('[data-count]');
        if (count) count.textContent = String(n);
        b.parentElement?.classList.toggle('is-empty', n === 0 && !b.checked);
      }
    };
    set(statusBoxes, facets.statuses, index!.statuses.map((s) => s.label));
    set(topicBoxes, facets.topics, index!.topics);
    const chosen = [...statusBoxes, ...topicBoxes].filter((b) => b.checked).map((b) => b.value);
    filterSummary.textContent = chosen.length ? `筛选：${chosen.join('、')}` : '按状态和主题筛选';
    clear.hidden = chosen.length === 0;
  }

  function describe(exact: Exact): string {
    const { query, result } = exact;
    const filtered = result.shown.length !== result.all.length;
    if (!query.terms.length) {
      return filtered || selection().statuses.size || selection().topics.size
        ? `按筛选列出${result.shown.length}项措施。`
        : '输入要找的字词，或选择状态和主题，列出相应的措施。';
    }
    const words = quoted(query.display);
    const cut = query.text.length >= MAX_QUERY_LENGTH ? `（搜索词过长，只用了前${MAX_QUERY_LENGTH}个字符）` : '';
    if (result.all.length === 0) return `没有措施包含${words}。${cut}`;
    if (filtered) return `${result.all.length}项措施包含${words}，筛选后${result.shown.length}项。${cut}`;
    return `${result.all.length}项措施包含${words}。${cut}`;
  }

  async function run() {
    const mine = ++generation;
    results.dataset.state = 'loading';
    if (!index) {
      try {
        index = await loadIndex();
      } catch {
        summary.textContent = '搜索数据未能载入，请稍后刷新本页再试。';
        results.dataset.state = 'error';
        return;
      }
      if (mine !== generation) return;
    }
    const exact = searchExact(index, input.value, selection());
    exactShown = exact;
    exactList.replaceChildren();
    drawExact(0, FIRST_PAGE);
    drawFacets(exact);
    summary.textContent = describe(exact);
    document.title = exact.query.text ? `搜索：${exact.query.text} · ${baseTitle}` : baseTitle;
    results.dataset.query = exact.query.text;
    results.dataset.state = 'ready';

    partialShown = [];
    partialList.replaceChildren();
    partialSection.hidden = true;
    suggest.hidden = true;
    results.dataset.partialState = 'loading';
    // The rest once the reader pauses (the results are on screen already): while they type,
    // every keystroke gets the main thread.
    await pause();
    if (mine !== generation) return;
    // Shorter words inside a one-word query: other searches, offered, never mixed into results.
    const offered = suggestions(index, exact, selection());
    suggest.replaceChildren();
    suggest.hidden = offered.length === 0;
    if (offered.length) {
      suggest.append(exact.result.shown.length ? '也可以搜索其中的词语：' : '可以改搜其中的词语：');
      offered.forEach((o, i) => {
        if (i) suggest.append('、');
        suggest.append(h('a', { href: `?${QUERY_PARAM}=${encodeURIComponent(o.display)}` }, o.display), `（${o.count}项）`);
      });
    }
    const partial = await searchPartial(index, exact, selection());
    if (mine !== generation) return;
    partialShown = partial;
    if (partial.length) {
      partialIntro.textContent = `这些措施不是${quoted(exact.query.display)}都有，只有其中的部分词语；含词语多的在前。`;
      drawPartial(0, FIRST_PAGE);
      partialSection.hidden = false;
    }
    results.dataset.partialState = 'ready';
  }

  // The loader (src/search/loader.ts) marks a composing box with data-composing, from the first keystroke.
  const composing = () => input.dataset.composing === '1';
  input.addEventListener('compositionend', () => {
    saveUrl(false);
    void run();
  });
  input.addEventListener('input', (event) => {
    if (composing() || (event as InputEvent).isComposing) return;
    saveUrl(false);
    void run();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    saveUrl(true);
    void run();
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).type !== 'checkbox') return;
    saveUrl(true);
    void run();
  });
  clear.addEventListener('click', () => {
    for (const b of [...statusBoxes, ...topicBoxes]) b.checked = false;
    saveUrl(true);
    void run();
  });
  exactMore.addEventListener('click', () => drawExact(exactList.children.length, exactList.children.length + NEXT_PAGE));
  partialMore.addEventListener('click', () => drawPartial(partialList.children.length, partialList.children.length + NEXT_PAGE));
  window.addEventListener('popstate', () => {
    readUrl();
    void run();
  });

  readUrl();
  if (!input.value) input.focus();
  void run();
}
