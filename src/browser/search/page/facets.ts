/**
 * The filters' counts: next to each status and topic, how many results choosing it would give.
 * A filter that would give none cannot be ticked (unless it is ticked already, so it can be
 * unticked). While a long word's possible places are not all read (ranked.ts), each count is the
 * most it can be, shown as `≤12`.
 */
import type { FacetCounts } from '../../../pure/search/rank.ts';

export function drawFacets(boxes: HTMLInputElement[], labels: readonly string[], counts: readonly number[], atMost: boolean): void {
  for (const b of boxes) {
    const n = counts[labels.indexOf(b.value)] ?? 0;
    const label = b.closest('label');
    const count = label?.querySelector('[data-count]');
    if (count) count.textContent = atMost && n > 0 ? `≤${n}` : String(n);
    b.disabled = n === 0 && !b.checked;
    label?.classList.toggle('is-empty', b.disabled);
  }
}

export function drawAllFacets(
  statusBoxes: HTMLInputElement[],
  topicBoxes: HTMLInputElement[],
  statusLabels: readonly string[],
  topicLabels: readonly string[],
  facets: FacetCounts,
  atMost = false,
): void {
  drawFacets(statusBoxes, statusLabels, facets.statuses, atMost);
  drawFacets(topicBoxes, topicLabels, facets.topics, atMost);
}
