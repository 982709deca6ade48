/**
 * The search page, /search/?q=…&status=…&topic=… (url-state.ts): the results that hold the query
 * exactly come first, with their passage and the query marked; results that hold only some of
 * its words follow under their own heading. Filters by status and topic combine with the query
 * and show their counts (facets.ts). With no result, the page says so and offers the next steps.
 */
import { MAX_QUERY_LENGTH } from '../../../pure/search/normalize.ts';
import { FILTER_STATUS, FILTER_TOPIC, QUERY_PARAM } from '../../../pure/search/names.ts';
import type { Selection } from '../../../pure/search/rank.ts';
import type { ExactResult, Match, Searcher } from '../../../pure/search/search.ts';
import { h, need } from '../dom.ts';
import { countSummary, heldWords, passageElement, quoted, resultHref, resultTitle, statusTag } from '../render.ts';
import { openSearch } from '../session.ts';
import { drawAllFacets } from './facets.ts';
import { ResultList } from './result-list.ts';
import { UrlState } from './url-state.ts';

/** How long the reader must pause before suggestions and partial matches are worked out. */
const PAUSE_MS = 150;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, PAUSE_MS));

export function attachSearchPage(): void {
  const form = need<HTMLFormElement>(document, '[data-search-page]');
  const input = need<HTMLInputElement>(form, `input[name="${QUERY_PARAM}"]`);
  const filters = need<HTMLDetailsElement>(form, '[data-filters]');
  const filterSummary = need<HTMLElement>(form, '[data-filter-summary]');
  const clear = need<HTMLButtonElement>(form, '[data-clear-filters]');
  const results = need<HTMLElement>(document, '[data-results]');
  const summary = need<HTMLElement>(results, '[data-summary]');
  const suggest = need<HTMLElement>(results, '[data-suggestions]');
  const nextSteps = need<HTMLElement>(results, '[data-next-steps]');
  const exactList = new ResultList(need(results, '[data-exact]'), need(results, '[data-exact-more]'));
  const partialSection = need<HTMLElement>(results, '[data-partial]');
  const partialIntro = need<HTMLElement>(results, '[data-partial-intro]');
  const partialList = new ResultList(need(results, '[data-partial-list]'), need(results, '[data-partial-more]'));
  const boxes = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${name}"]`)];
  const statusBoxes = boxes(FILTER_STATUS);
  const topicBoxes = boxes(FILTER_TOPIC);
  const url = new UrlState(input, [...statusBoxes, ...topicBoxes]);
  const baseTitle = document.title;
  let generation = 0;

  // Filters open beside the results on a wide screen, folded above them on a phone.
  const wide = window.matchMedia('(min-width: 48rem)');
  const unfold = () => {
    if (wide.matches) filters.open = true;
  };
  unfold();
  wide.addEventListener('change', unfold);

  function selection(searcher: Searcher): Selection {
    const pick = (list: HTMLInputElement[], labels: string[]) =>
      new Set(
        list
          .filter((b) => b.checked)
          .map((b) => labels.indexOf(b.value))
          .filter((i) => i >= 0),
      );
    return {
      statuses: pick(
        statusBoxes,
        searcher.manifest.statuses.map((s) => s.label),
      ),
      topics: pick(topicBoxes, searcher.manifest.topics),
    };
  }

  const item = (searcher: Searcher, terms: readonly string[], note: (m: Match) => Node | null) => async (listed: Match) => {
    // Browsing with no query and no filter reads no records up front: a measure's comes with its page of results.
    const match = listed.kind === 'measure' && listed.record.status < 0 ? { ...listed, record: (await searcher.store.records([listed.doc]))[0] } : listed;
    const fragment = await searcher.store.fragment(match.doc);
    const { element, firstMatch } = passageElement(fragment, terms);
    const topics = match.record.topics.map((t) => searcher.manifest.topics[t]).join('、');
    const source = fragment.source ? h('a', { href: fragment.source.url, class: 'search-result__source' }, fragment.source.label) : null;
    return h(
      'li',
      { class: 'search-result' },
      h('h3', { class: 'search-result__title' }, h('a', { href: resultHref(fragment, firstMatch) }, ...resultTitle(fragment))),
      h('p', { class: 'search-result__meta' }, statusTag(searcher.manifest, match), topics ? h('span', { class: 'muted' }, topics) : null, note(match), source),
      element,
    );
  };

  function describe(exact: ExactResult, chosen: boolean): string {
    const { query, list } = exact;
    if (!query.terms.length) return chosen ? `按筛选列出${list.found}项措施。` : '输入要找的字词，或选择状态和主题，列出相应的措施。';
    const words = quoted(query.display);
    const cut = query.text.length >= MAX_QUERY_LENGTH ? `（搜索词过长，只用了前${MAX_QUERY_LENGTH}个字符）` : '';
    const said = countSummary(list, words);
    const filtered = list.found !== list.all.length || list.unreadShown !== list.unread.length;
    if (filtered) return `${said}，筛选后${list.complete ? '' : '至少'}${list.found}项。${cut}`;
    return `${said}。${cut}`;
  }

  async function run() {
    const mine = ++generation;
    results.dataset.state = 'loading';
    let searcher: Searcher;
    let exact: ExactResult;
    try {
      searcher = await openSearch();
      exact = await searcher.exact(input.value, selection(searcher));
    } catch (error) {
      if (mine !== generation) return;
      console.warn(error);
      summary.textContent = '搜索数据未能载入，请稍后刷新本页再试。';
      results.dataset.state = 'error';
      return;
    }
    if (mine !== generation) return;
    const { query } = exact;
    const chosen = [...statusBoxes, ...topicBoxes].filter((b) => b.checked).map((b) => b.value);
    // What the first result comes with: the counts, the filters' counts, the title; nothing once a newer search has begun.
    const present = () => {
      if (mine !== generation) return;
      drawAllFacets(
        statusBoxes,
        topicBoxes,
        searcher.manifest.statuses.map((s) => s.label),
        searcher.manifest.topics,
        exact.facets,
        exact.facetsAtMost,
      );
      filterSummary.textContent = chosen.length ? `筛选：${chosen.join('、')}` : '按状态和主题筛选';
      clear.hidden = chosen.length === 0;
      summary.textContent = describe(exact, chosen.length > 0);
      // Reading a long word's places page by page makes the count surer.
      exactList.onGrow = () => (summary.textContent = describe(exact, chosen.length > 0));
      document.title = query.text ? `搜索：${query.text} · ${baseTitle}` : baseTitle;
      partialList.clear();
      partialSection.hidden = true;
      suggest.hidden = true;
      nextSteps.hidden = true;
      // The first result is on screen (what bench:search times); the rest of its page follows.
      results.dataset.shown = query.text;
      performance.mark('search:first-result');
    };
    const shown = await exactList.show(
      exact.list,
      item(searcher, query.terms, (m) =>
        query.terms.length ? h('span', { class: 'muted' }, `出现${m.held.reduce((n, o) => n + (o?.count ?? 0), 0)}次`) : null,
      ),
      present,
    );
    if (!shown || mine !== generation) return;
    results.dataset.query = query.text;
    results.dataset.state = 'ready';
    results.dataset.partialState = 'loading';

    // The rest once the reader pauses (the results are on screen already): while they type,
    // every keystroke gets the main thread.
    await pause();
    if (mine !== generation) return;
    const sel = selection(searcher);
    const [offered, partial] = await Promise.all([searcher.suggestions(exact, sel), searcher.partial(exact, sel)]);
    if (mine !== generation) return;
    // Shorter words inside a one-word query: other searches, offered, never mixed into results.
    suggest.replaceChildren();
    suggest.hidden = offered.length === 0;
    if (offered.length) {
      suggest.append(exact.list.found ? '也可以搜索其中的词语：' : '可以改搜其中的词语：');
      offered.forEach((o, i) => {
        if (i) suggest.append('、');
        suggest.append(h('a', { href: `?${QUERY_PARAM}=${encodeURIComponent(o.display)}` }, o.display), `（${o.count}项）`);
      });
    }
    if (partial.found || !partial.complete) {
      partialIntro.textContent = `这些不是${quoted(query.display)}都有，只有其中的部分词语；含词语多的在前。`;
      const drawn = await partialList.show(
        partial,
        item(searcher, query.terms, (m) => h('span', { class: 'search-result__held' }, `只含${quoted(heldWords(m, query.display))}`)),
      );
      if (!drawn || mine !== generation) return;
      // Each partial result marks only the words it holds.
      partialSection.hidden = false;
    }
    // No result of any kind: say what else the reader can do.
    nextSteps.hidden = !(query.terms.length && exact.list.found === 0 && exact.list.complete && partial.found === 0 && partial.complete);
    results.dataset.partialState = 'ready';
  }

  const composing = () => input.dataset.composing === '1';
  input.addEventListener('compositionend', () => {
    url.save(false);
    void run();
  });
  input.addEventListener('input', (event) => {
    if (composing() || (event as InputEvent).isComposing) return;
    url.save(false);
    void run();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    url.save(true);
    void run();
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).type !== 'checkbox') return;
    url.save(true);
    void run();
  });
  clear.addEventListener('click', () => {
    for (const b of [...statusBoxes, ...topicBoxes]) b.checked = false;
    url.save(true);
    void run();
  });
  window.addEventListener('popstate', () => {
    if (url.read()) filters.open = true;
    void run();
  });

  if (url.read()) filters.open = true;
  if (!input.value) input.focus();
  void run();
}
