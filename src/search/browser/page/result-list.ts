/**
 * A list of results shown a page at a time: the first page at once, then one more for each press
 * of its button. Each page's texts are fetched only when it is drawn.
 */
import type { Match } from '../../pure/search.ts';

/** Results drawn at first, and added by each press of the "more" button. */
export const FIRST_PAGE = 20;
export const NEXT_PAGE = 50;

export type DrawItem = (match: Match) => Promise<HTMLLIElement>;

export class ResultList {
  private matches: readonly Match[] = [];
  private draw: DrawItem = async () => document.createElement('li');
  private generation = 0;
  readonly list: HTMLOListElement;
  private readonly more: HTMLButtonElement;

  constructor(list: HTMLOListElement, more: HTMLButtonElement) {
    this.list = list;
    this.more = more;
    more.addEventListener('click', () => void this.extend(NEXT_PAGE));
  }

  /** Shows the first page of `matches`; resolves when it is on screen (false: replaced meanwhile). */
  async show(matches: readonly Match[], draw: DrawItem): Promise<boolean> {
    const mine = ++this.generation;
    const items = await Promise.all(matches.slice(0, FIRST_PAGE).map(draw));
    if (mine !== this.generation) return false;
    this.matches = matches;
    this.draw = draw;
    this.list.replaceChildren(...items);
    this.update();
    return true;
  }

  clear(): void {
    this.generation++;
    this.matches = [];
    this.list.replaceChildren();
    this.update();
  }

  private async extend(count: number): Promise<void> {
    const mine = this.generation;
    const from = this.list.children.length;
    this.more.disabled = true;
    const items = await Promise.all(this.matches.slice(from, from + count).map(this.draw));
    this.more.disabled = false;
    if (mine !== this.generation) return;
    this.list.append(...items);
    this.update();
  }

  private update(): void {
    const rest = this.matches.length - this.list.children.length;
    this.more.hidden = rest <= 0;
    // One thing, said once: "the other 6", or "50 more (120 left)".
    this.more.textContent = rest <= NEXT_PAGE ? `显示其余${rest}项` : `再显示${NEXT_PAGE}项（还有${rest}项）`;
  }
}
