/**
 * The search page's state is its URL, /search/?q=…&status=…&topic=…, so a search can be shared,
 * bookmarked and revisited with the back button: typing replaces the URL; choosing a filter, or
 * submitting a query the URL does not hold yet, adds a history entry.
 */
import { MAX_QUERY_LENGTH } from '../../../pure/search/normalize.ts';
import { QUERY_PARAM } from '../../../pure/search/names.ts';

export class UrlState {
  private readonly input: HTMLInputElement;
  private readonly boxes: HTMLInputElement[];

  constructor(input: HTMLInputElement, boxes: HTMLInputElement[]) {
    this.input = input;
    this.boxes = boxes;
  }

  /** The form as a URL: q, then each chosen status and topic. */
  url(): string {
    const params = new URLSearchParams();
    const q = this.input.value.trim();
    if (q) params.set(QUERY_PARAM, q);
    for (const b of this.boxes) if (b.checked) params.append(b.name, b.value);
    const search = params.toString();
    return `${location.pathname}${search ? `?${search}` : ''}`;
  }

  /** Writes the form into the URL: a new history entry (`push`) or in place of the current one. */
  save(push: boolean): void {
    const url = this.url();
    if (url === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /** Sets the form from the URL; says whether the URL chose any filter. */
  read(): boolean {
    const params = new URLSearchParams(location.search);
    this.input.value = (params.get(QUERY_PARAM) ?? '').slice(0, MAX_QUERY_LENGTH);
    let chosen = false;
    for (const b of this.boxes) {
      b.checked = params.getAll(b.name).includes(b.value);
      chosen ||= b.checked;
    }
    return chosen;
  }
}
