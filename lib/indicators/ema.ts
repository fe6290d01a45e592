/**
 * Exponential moving average, seeded with the simple average of its first
 * `period` valid values (the convention of technicalindicators and backtrader).
 *
 * @module
 */
import { _checkPeriod, _nanArray } from "./_checks.ts";

/** Options for {@link ema}. */
export type EmaOptions = {
  /** Span in valid bars; the smoothing factor is `2 / (period + 1)`. Default 20. */
  readonly period?: number;
};

/** Defaults of {@link EmaOptions}. */
export const EMA_DEFAULTS = { period: 20 } as const;

/**
 * Exponential moving average of `values`: `e = e + 2/(period+1) * (x - e)`,
 * starting from the mean of the first `period` valid values, which is the first
 * output (at the `period`-th valid bar). NaN inputs give NaN and leave `e` as it was.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ema } from "./ema.ts";
 *
 * // Seed (1 + 2 + 3) / 3 = 2, then 2 + 0.5 * (6 - 2) = 4 (alpha = 2 / 4).
 * const out = ema(Float64Array.from([1, 2, 3, NaN, 6]), { period: 3 });
 * assert.deepEqual([...out], [NaN, NaN, 2, NaN, 4]);
 * ```
 */
export function ema(values: Float64Array, options: EmaOptions = {}): Float64Array {
  const period = options.period ?? EMA_DEFAULTS.period;
  _checkPeriod("ema", "period", period);
  const alpha = 2 / (period + 1);
  const n = values.length;
  const out = _nanArray(n);
  let count = 0, sum = 0, e = NaN;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x !== x) continue;
    if (count < period) {
      sum += x;
      if (++count === period) e = sum / period;
      else continue;
    } else {
      e += alpha * (x - e);
    }
    out[i] = e;
  }
  return out;
}
