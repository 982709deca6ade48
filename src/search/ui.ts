/**
 * The search UI, loaded on demand by the header box's loader (src/search/loader.ts): when the
 * reader first focuses a search box, or at once on the search page. It is built as one
 * self-contained module (styles included, injected once) and attaches itself to the page's
 * search forms when it runs.
 */
import css from '../styles/search.css?inline';
import { attachCombobox } from './combobox.ts';
import { attachSearchPage } from './page.ts';
import { QUERY_PARAM } from './texts.ts';

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
