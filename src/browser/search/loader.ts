/**
 * The search loader, the only search code a page runs before the reader asks for a search: it
 * waits for the reader to focus the header's search box (src/components/SearchBox.astro) or
 * press /, and only then imports the search UI (ui.ts) and asks for the index's manifest, both
 * at once. On the search page it does so at once. Loaded by every page (src/browser/every-page.ts).
 */
import { MANIFEST_EVENT, type ManifestHandOver } from './hand-over.ts';

const form = document.querySelector<HTMLFormElement>('form[data-site-search]');
const input = form?.querySelector('input');
if (form && input) {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    // Revalidated (no-cache): the manifest names the edition of every other index file.
    const manifest = fetch(form.dataset.manifest!, { cache: 'no-cache' });
    manifest.catch(() => undefined);
    // The UI asks for it as it starts (src/browser/search/hand-over.ts).
    document.addEventListener(MANIFEST_EVENT, (e) => (e as CustomEvent<ManifestHandOver>).detail(manifest), { once: true });
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
