/**
 * Average true range (Wilder, 1978).
 *
 * @module
 */
import { _checkPeriod, _checkSameLength, _nanArray } from "./_checks.ts";
import { _trueRange } from "./true_range.ts";
import type { HighLowClose } from "./types.ts";

/** Options for {@link atr}. */
export type AtrOptions = {
  /** Number of true ranges averaged. Default 14. */
  readonly period?: number;
};

/** Defaults of {@link AtrOptions}. */
export const ATR_DEFAULTS = { period: 14 } as const;

/**
 * Average true range: Wilder's smoothing of the true range,
 * `atr = (atr * (period - 1) + tr) / period`, seeded with the mean of the first
 * `period` true ranges. The true range needs a previous close, so the first value
 * is at the `(period + 1)`-th valid bar (index 14 by default, as in backtrader
 * and technicalindicators).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { atr } from "./atr.ts";
 *
 * const bars = {
 *   high: Float64Array.from([11, 12, 15, 14]),
 *   low: Float64Array.from([9, 11, 13, 13]),
 *   close: Float64Array.from([10, 11.5, 14, 13.5]),
 * };
 * // True ranges 2, 3.5, 1: seed (2 + 3.5) / 2 = 2.75, then (2.75 + 1) / 2 = 1.875.
 * assert.deepEqual([...atr(bars, { period: 2 })], [NaN, NaN, 2.75, 1.875]);
 * ```
 */
export function atr(bars: HighLowClose, options: AtrOptions = {}): Float64Array {
  const period = options.period ?? ATR_DEFAULTS.period;
  _checkPeriod("atr", "period", period);
  const { high, low, close } = bars;
  _checkSameLength("atr", { high, low, close });
  const n = close.length;
  const out = _nanArray(n);
  let prevClose = NaN, count = 0, avg = 0;
  for (let i = 0; i < n; i++) {
    const h = high[i] as number, l = low[i] as number, c = close[i] as number;
    if (h !== h || l !== l || c !== c) continue;
    if (prevClose !== prevClose) {
      prevClose = c;
      continue;
    }
    const tr = _trueRange(h, l, prevClose);
    prevClose = c;
    if (count < period) {
      avg += tr;
      if (++count < period) continue;
      avg /= period;
    } else {
      avg = (avg * (period - 1) + tr) / period;
    }
    out[i] = avg;
  }
  return out;
}
