/**
 * The search loader, the only code a page runs before the reader asks for a search: it waits for
 * the reader to focus the header's search box (src/components/SearchBox.astro) or press /, and
 * only then imports the search UI and fetches the texts (then Pagefind). On the search page it
 * does so at once. Loaded by every page (src/layouts/Base.astro) with the offline registration.
 */
const form = document.querySelector<HTMLFormElement>('form[data-site-search]');
const input = form?.querySelector('input');
if (form && input) {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    // The texts are fetched alongside the UI, not after it (src/search/search.ts takes them).
    window.reportSearchTexts = fetch(form.dataset.texts!, { cache: 'no-cache' });
    import(/* @vite-ignore */ form.dataset.ui!);
  };
  input.addEventListener('focus', start);
  if (document.activeElement === input || document.querySelector('[data-search-page]')) start();
  // While an input method composes, a box holds pinyin, not the query: mark it for the UI,
  // which may load in the middle of a composition.
  document.addEventListener('compositionstart', (e) => ((e.target as HTMLElement).dataset.composing = '1'), true);
  document.addEventListener('compositionend', (e) => delete (e.target as HTMLElement).dataset.composing, true);
  // "/" focuses the search: the search page's own box if there is one, else the header's.
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement;
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    (document.querySelector<HTMLInputElement>('[data-search-primary]') ?? input).focus();
  });
}

// A module, not a global script: its names stay its own.
export {};
