/**
 * The search UI, imported on demand by the loader (loader.ts): when the reader first focuses a
 * search box, or at once on the search page. Vite builds it as one self-contained module
 * (styles included, injected once); the loader calls start() with its request for the index's
 * manifest, and it attaches itself to the page's search forms.
 */
import css from '../../styles/search.css?inline';
import { QUERY_PARAM } from '../../pure/search/names.ts';
import { attachCombobox } from './combobox.ts';
import { attachSearchPage } from './page/search-page.ts';
import { MANIFEST_EVENT, type ManifestHandOver } from './hand-over.ts';
import { takeManifestRequest } from './session.ts';

document.dispatchEvent(new CustomEvent<ManifestHandOver>(MANIFEST_EVENT, { detail: takeManifestRequest }));
if (!document.querySelector('style[data-search-styles]')) {
  const style = document.createElement('style');
  style.dataset.searchStyles = '';
  style.textContent = css;
  document.head.append(style);
}
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-site-search]')) {
  const input = form.querySelector<HTMLInputElement>(`input[name="${QUERY_PARAM}"]`);
  if (input) attachCombobox(form, input);
}
if (document.querySelector('[data-search-page]')) attachSearchPage();
