/**
 * Merging a newly loaded series into a stored one, by time: bars at new times are
 * added, bars identical to the stored ones are unchanged, bars that differ replace
 * the stored ones (a vendor's correction wins). The counts make ingests idempotent
 * (nothing added or replaced means nothing to write) and explain what changed.
 *
 * @module
 */
import { BAR_FIELDS, type BarSeries, emptySeries } from "./bars.ts";

/** How many incoming bars were new, identical or different. */
export type MergeCounts = {
  readonly added: number;
  readonly unchanged: number;
  readonly replaced: number;
};

/** The merged series and the counts; `series` is `stored` itself when nothing changed. */
export type MergeResult = MergeCounts & { readonly series: BarSeries };

function _sameBar(a: BarSeries, i: number, b: BarSeries, j: number): boolean {
  for (const f of BAR_FIELDS) {
    if (!Object.is(a[f][i], b[f][j])) return false;
  }
  return true;
}

function _copyBar(from: BarSeries, i: number, to: BarSeries, k: number): void {
  to.time[k] = from.time[i] as number;
  for (const f of BAR_FIELDS) to[f][k] = from[f][i] as number;
}

/**
 * Merges `incoming` into `stored` (both valid: times ascending and unique, same
 * ticker and interval). Incoming bars win where both have a time.
 */
export function mergeSeries(stored: BarSeries, incoming: BarSeries): MergeResult {
  const n = stored.time.length, m = incoming.time.length;
  let added = 0, unchanged = 0, replaced = 0;
  for (let i = 0, j = 0; j < m;) {
    const ti = i < n ? stored.time[i] as number : Infinity, tj = incoming.time[j] as number;
    if (ti < tj) i++;
    else if (tj < ti) {
      added++;
      j++;
    } else {
      if (_sameBar(stored, i, incoming, j)) unchanged++;
      else replaced++;
      i++;
      j++;
    }
  }
  if (added === 0 && replaced === 0) return { series: stored, added, unchanged, replaced };
  const out = emptySeries(stored.ticker, stored.interval, n + added);
  let i = 0, j = 0, k = 0;
  while (i < n || j < m) {
    const ti = i < n ? stored.time[i] as number : Infinity;
    const tj = j < m ? incoming.time[j] as number : Infinity;
    if (ti < tj) _copyBar(stored, i++, out, k++);
    else if (tj < ti) _copyBar(incoming, j++, out, k++);
    else {
      _copyBar(incoming, j++, out, k++);
      i++;
    }
  }
  return { series: out, added, unchanged, replaced };
}
