/**
 * True range (Wilder): the bar's range widened to include the previous close.
 *
 * @module
 */
import { _checkSameLength, _nanArray } from "./_checks.ts";
import type { HighLowClose } from "./types.ts";

/**
 * True range of each bar: `max(high, prevClose) - min(low, prevClose)`, where
 * `prevClose` is the close of the previous valid bar. The first valid bar has no
 * previous close and gives NaN (as in technicalindicators and backtrader).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trueRange } from "./true_range.ts";
 *
 * const out = trueRange({
 *   high: Float64Array.from([11, 12, 15]),
 *   low: Float64Array.from([9, 11, 13]),
 *   close: Float64Array.from([10, 11.5, 14]),
 * });
 * // Bar 2 gaps up: max(15, 11.5) - min(13, 11.5) = 3.5.
 * assert.deepEqual([...out], [NaN, 2, 3.5]);
 * ```
 */
export function trueRange(bars: HighLowClose): Float64Array {
  const { high, low, close } = bars;
  _checkSameLength("trueRange", { high, low, close });
  const n = close.length;
  const out = _nanArray(n);
  let prevClose = NaN;
  for (let i = 0; i < n; i++) {
    const h = high[i] as number, l = low[i] as number, c = close[i] as number;
    if (h !== h || l !== l || c !== c) continue;
    if (prevClose === prevClose) out[i] = _trueRange(h, l, prevClose);
    prevClose = c;
  }
  return out;
}

/** True range of one bar given the previous close (which must not be NaN). */
export function _trueRange(high: number, low: number, prevClose: number): number {
  return (high > prevClose ? high : prevClose) - (low < prevClose ? low : prevClose);
}
