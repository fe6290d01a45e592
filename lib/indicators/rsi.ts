/**
 * Relative strength index (Wilder, 1978).
 *
 * @module
 */
import { _checkPeriod, _nanArray } from "./_checks.ts";

/** Options for {@link rsi}. */
export type RsiOptions = {
  /** Number of price changes averaged. Default 14. */
  readonly period?: number;
};

/** Defaults of {@link RsiOptions}. */
export const RSI_DEFAULTS = { period: 14 } as const;

/**
 * RSI of `values`, 0-100: `100 - 100 / (1 + avgGain / avgLoss)`, computed as
 * `100 * avgGain / (avgGain + avgLoss)` (the same number, one division).
 *
 * Changes are taken between consecutive valid values. The average gain and loss
 * start as the simple mean of the first `period` changes and then follow Wilder's
 * smoothing `avg = avg * (period - 1) / period + change / period`; the first value is at
 * the `(period + 1)`-th valid bar (index 14 for the default, as in backtrader and
 * technicalindicators). When the average loss is 0 the RSI is 100, and when both
 * averages are 0 (a flat series) it is 50.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rsi } from "./rsi.ts";
 *
 * // Changes +1, -1: avgGain = avgLoss = 0.5, so RSI = 50.
 * // Next change +2: avgGain = (0.5 + 2) / 2 = 1.25, avgLoss = 0.25 => RS 5, RSI 83.33.
 * const out = rsi(Float64Array.from([10, 11, 10, 12]), { period: 2 });
 * assert.equal(out[2], 50);
 * assert.ok(Math.abs((out[3] as number) - 100 * 5 / 6) < 1e-12);
 * ```
 */
export function rsi(values: Float64Array, options: RsiOptions = {}): Float64Array {
  const period = options.period ?? RSI_DEFAULTS.period;
  _checkPeriod("rsi", "period", period);
  const n = values.length;
  const out = _nanArray(n);
  const keep = (period - 1) / period, inv = 1 / period;
  let prev = NaN, count = 0, gain = 0, loss = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x !== x) continue;
    if (prev !== prev) {
      prev = x;
      continue;
    }
    const d = x - prev;
    prev = x;
    const g = d > 0 ? d : 0, l = d < 0 ? -d : 0;
    if (count < period) {
      gain += g;
      loss += l;
      if (++count < period) continue;
      gain *= inv;
      loss *= inv;
    } else {
      gain = gain * keep + g * inv;
      loss = loss * keep + l * inv;
    }
    const total = gain + loss;
    out[i] = total > 0 ? 100 * gain / total : 50;
  }
  return out;
}
