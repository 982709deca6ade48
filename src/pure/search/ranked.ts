/**
 * A list of results, best first, when some documents are not read yet: the documents a long
 * word's pieces leave may hold it, and only their text tells (term-matches.ts). Reading every
 * one would cost the text of hundreds of measures, so the list is ranked by what the index
 * says of each document before it is read (for a long word: the occurrences of its rarest
 * piece, and whether the title holds every piece), and read in that order a page at a time;
 * a document found not to belong leaves the list, one that belongs keeps its place, so what
 * is shown never moves.
 */
import type { Match } from './match.ts';

/** How a list orders its results: negative when `a` comes first. */
export type Order = (a: Match, b: Match) => number;

/** Reads documents: each one's match as it truly is, or undefined when it does not belong. */
export type Read = (unread: readonly Match[]) => Promise<(Match | undefined)[]>;

/** At least this many unread documents are read at a time. */
const READ_AT_LEAST = 8;
/**
 * At most this many documents are read for each result a page asks for: when few of a long
 * word's possible places hold it, a page shows what was found, and "more" reads on.
 */
const READS_PER_RESULT = 3;

/** A document of a list: where it ranks, and what is known of it. */
export interface Item {
  /** The most it can have, from what the index says: its place in the list. */
  most: Match;
  /** What it has, once sure (read, or sure from the index alone); undefined: not read yet. */
  known?: Match;
}

interface Entry {
  /** What the index says (unread), or what is sure (read). */
  match: Match;
  unread: boolean;
}

export class Ranked {
  /** Read (or sure without reading) and belonging, in order, before filters. */
  all: Match[] = [];
  /** Not read yet, in order; their `held` and `score` are the most they can have. */
  unread: Match[] = [];
  /** The results with the filters applied, up to the first unread one the filters let through. */
  shown: Match[] = [];
  /** Unread documents the filters let through: how many more `shown` can have, at most. */
  unreadShown = 0;
  /** Documents of `all` the filters let through, shown or not yet: the fewest the list holds. */
  found = 0;
  private entries: Entry[];
  private readonly keep: (m: Match) => boolean;
  private readonly read: Read;

  /** `items` in `order` of their most: the same order whatever was read before. */
  constructor(items: Item[], order: Order, keep: (m: Match) => boolean, read: Read) {
    this.keep = keep;
    this.read = read;
    this.entries = [...items].sort((a, b) => order(a.most, b.most)).map((i) => ({ match: i.known ?? i.most, unread: !i.known }));
    this.settle();
  }

  /** Whether every document the filters let through is read: `shown` is the whole list. */
  get complete(): boolean {
    return this.unreadShown === 0;
  }

  /**
   * Reads unread documents until `shown` has `n` results, no unread one passes the filters,
   * READS_PER_RESULT documents were read for each result asked for, or, with `readable`, the
   * next to read is not one it allows.
   */
  async extend(n: number, readable: (m: Match) => boolean = () => true): Promise<void> {
    let budget = Math.max(READ_AT_LEAST, (n - this.shown.length) * READS_PER_RESULT);
    while (this.shown.length < n && this.unreadShown > 0 && budget > 0) {
      const pending = this.entries.filter((e) => e.unread && this.keep(e.match));
      if (!readable(pending[0].match)) return;
      const batch = pending.slice(0, Math.min(budget, Math.max(READ_AT_LEAST, n - this.shown.length))).filter((e) => readable(e.match));
      budget -= batch.length;
      const read = await this.read(batch.map((e) => e.match));
      const gone = new Set<Entry>();
      batch.forEach((e, i) => {
        const match = read[i];
        if (match) e.match = match;
        else gone.add(e);
        e.unread = false;
      });
      this.entries = this.entries.filter((e) => !gone.has(e));
      this.settle();
    }
  }

  private settle(): void {
    this.all = this.entries.filter((e) => !e.unread).map((e) => e.match);
    this.unread = this.entries.filter((e) => e.unread).map((e) => e.match);
    const kept = this.entries.filter((e) => this.keep(e.match));
    const firstUnread = kept.findIndex((e) => e.unread);
    this.shown = (firstUnread < 0 ? kept : kept.slice(0, firstUnread)).map((e) => e.match);
    this.unreadShown = firstUnread < 0 ? 0 : kept.length - kept.filter((e) => !e.unread).length;
    this.found = kept.length - this.unreadShown;
  }
}
