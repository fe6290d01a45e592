/**
 * Fewer points for long chart lines, keeping their shape: for each bucket of
 * consecutive points, the minimum and the maximum of every series (so a
 * drawdown's trough and a peak survive), plus the first and the last point and
 * any point the caller must keep. Stacked areas, where an extreme of one layer
 * means nothing, take evenly spaced points instead.
 *
 * Design decision: min/max per bucket rather than LTTB. Both keep the look of
 * a line at ~2,000 points; min/max also guarantees every local extreme the eye
 * looks for (the worst day of a drawdown) is drawn at its true value, and it
 * treats several series sharing one x axis alike.
 *
 * @module
 */

/**
 * Sorted indices of at most `maxPoints` points (plus `keep`) of series sharing
 * one axis: the first, the last, and per bucket the index of each series'
 * minimum and maximum. Null and NaN entries are never chosen as extremes. All
 * indices when the series are no longer than `maxPoints`.
 * Throws `RangeError` when `maxPoints` is below 4 x the number of series + 2.
 *
 * @example A V shape of 9 points in 6: the bottom survives
 * ```ts
 * import assert from "node:assert/strict";
 * import { extremaIndices } from "./downsample.ts";
 *
 * const v = [4, 3, 2, 1, 0, 1, 2, 3, 4];
 * const picked = extremaIndices([v], 6);
 * assert.ok(picked.includes(4));
 * assert.ok(picked.length <= 6);
 * assert.deepEqual([picked[0], picked.at(-1)], [0, 8]);
 * ```
 */
export function extremaIndices(
  series: readonly ArrayLike<number | null>[],
  maxPoints: number,
  keep: readonly number[] = [],
): number[] {
  const length = series[0]?.length ?? 0;
  if (!(Number.isInteger(maxPoints) && maxPoints >= 4 * series.length + 2)) {
    throw new RangeError(
      `Cannot downsample as maxPoints must be an integer of at least ${
        4 * series.length + 2
      }: current value is ${maxPoints}`,
    );
  }
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  const picked = new Set<number>([0, length - 1]);
  for (const k of keep) if (Number.isInteger(k) && k >= 0 && k < length) picked.add(k);
  const buckets = Math.floor((maxPoints - 2) / (2 * series.length));
  const size = Math.ceil((length - 2) / buckets);
  for (let start = 1; start < length - 1; start += size) {
    const end = Math.min(start + size, length - 1);
    for (const values of series) _addExtremes(values, start, end, picked);
  }
  return [...picked].sort((a, b) => a - b);
}

function _addExtremes(
  values: ArrayLike<number | null>,
  start: number,
  end: number,
  picked: Set<number>,
): void {
  let low = -1, high = -1;
  for (let i = start; i < end; i++) {
    const v = values[i];
    if (v === null || v === undefined || Number.isNaN(v)) continue;
    if (low < 0 || v < (values[low] ?? v)) low = i;
    if (high < 0 || v > (values[high] ?? v)) high = i;
  }
  if (low >= 0) picked.add(low);
  if (high >= 0) picked.add(high);
}

/**
 * At most `maxPoints` evenly spaced indices of `length` points, the first and
 * the last included. Throws `RangeError` when `maxPoints` is below 2.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { strideIndices } from "./downsample.ts";
 *
 * assert.deepEqual(strideIndices(10, 4), [0, 3, 6, 9]);
 * assert.deepEqual(strideIndices(3, 4), [0, 1, 2]);
 * ```
 */
export function strideIndices(length: number, maxPoints: number): number[] {
  if (!(Number.isInteger(maxPoints) && maxPoints >= 2)) {
    throw new RangeError(
      `Cannot downsample as maxPoints must be an integer of at least 2: current value is ${maxPoints}`,
    );
  }
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, i) => Math.round(i * step));
}
