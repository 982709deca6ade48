/**
 * A list of results shown a page at a time: the first page at once, then one more for each press
 * of its button. Each page's texts are fetched only when it is drawn, and the documents a long
 * word may be in are read only as far as the page needs (ranked.ts).
 */
import { FIRST_PAGE, type Match } from '../../../pure/search/search.ts';
import type { Ranked } from '../../../pure/search/ranked.ts';
import { moreText } from '../render.ts';

/** Results added by each press of the "more" button. */
export const NEXT_PAGE = 50;

export type DrawItem = (match: Match) => Promise<HTMLLIElement>;

export class ResultList {
  private ranked: Ranked | undefined;
  private draw: DrawItem = async () => document.createElement('li');
  private generation = 0;
  readonly list: HTMLOListElement;
  private readonly more: HTMLButtonElement;
  /** Called when a press of "more" has drawn its page: what the list knows may have grown. */
  onGrow: () => void = () => undefined;

  constructor(list: HTMLOListElement, more: HTMLButtonElement) {
    this.list = list;
    this.more = more;
    more.addEventListener('click', () => void this.extend(NEXT_PAGE));
  }

  /**
   * Shows the first page of `ranked`, each result as soon as it and those above it have their
   * text, so the best one is read while the rest arrive; `onFirst` runs as the old list gives way
   * (with the first result, or at once when there is none). Resolves when the whole page is on
   * screen (false: replaced meanwhile).
   */
  async show(ranked: Ranked, draw: DrawItem, onFirst: () => void = () => undefined): Promise<boolean> {
    const mine = ++this.generation;
    await ranked.extend(FIRST_PAGE);
    if (mine !== this.generation) return false;
    // All asked for at once; drawn in rank order.
    const pending = ranked.shown.slice(0, FIRST_PAGE).map(draw);
    pending.forEach((p) => p.catch(() => undefined));
    this.ranked = ranked;
    this.draw = draw;
    this.more.hidden = true;
    if (!pending.length) {
      this.list.replaceChildren();
      onFirst();
    }
    for (const [i, item] of pending.entries()) {
      const drawn = await item;
      if (mine !== this.generation) return false;
      if (i === 0) {
        this.list.replaceChildren(drawn);
        onFirst();
      } else this.list.append(drawn);
    }
    this.update();
    return true;
  }

  clear(): void {
    this.generation++;
    this.ranked = undefined;
    this.list.replaceChildren();
    this.update();
  }

  private async extend(count: number): Promise<void> {
    const mine = this.generation;
    const ranked = this.ranked;
    if (!ranked) return;
    const from = this.list.children.length;
    this.more.disabled = true;
    try {
      await ranked.extend(from + count);
      const items = await Promise.all(ranked.shown.slice(from, from + count).map(this.draw));
      if (mine !== this.generation) return;
      this.list.append(...items);
      this.onGrow();
    } finally {
      this.more.disabled = false;
      if (mine === this.generation) this.update();
    }
  }

  private update(): void {
    const ranked = this.ranked;
    const drawn = this.list.children.length;
    const rest = ranked ? ranked.found - drawn : 0;
    this.more.hidden = !ranked || (rest <= 0 && ranked.complete);
    if (ranked) this.more.textContent = moreText(rest, ranked.complete, NEXT_PAGE);
  }
}
