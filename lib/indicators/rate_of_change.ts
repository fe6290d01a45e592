/**
 * Rate of change: the fractional price change over a number of bars.
 *
 * @module
 */
import { _checkPeriod, _nanArray } from "./_checks.ts";

/** Options for {@link rateOfChange}. */
export type RateOfChangeOptions = {
  /** Bars back (valid bars). Default 20. */
  readonly period?: number;
};

/** Defaults of {@link RateOfChangeOptions}. */
export const RATE_OF_CHANGE_DEFAULTS = { period: 20 } as const;

/**
 * `value / value(period valid bars earlier) - 1`, a fraction (0.05 = +5%), as
 * backtrader's ROC; technicalindicators' ROC is the same times 100. First value
 * at the `(period + 1)`-th valid bar.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rateOfChange } from "./rate_of_change.ts";
 *
 * const out = rateOfChange(Float64Array.from([100, 50, NaN, 125, 75]), { period: 2 });
 * assert.deepEqual([...out], [NaN, NaN, NaN, 0.25, 0.5]);
 * ```
 */
export function rateOfChange(
  values: Float64Array,
  options: RateOfChangeOptions = {},
): Float64Array {
  const period = options.period ?? RATE_OF_CHANGE_DEFAULTS.period;
  _checkPeriod("rateOfChange", "period", period);
  const n = values.length;
  const out = _nanArray(n);
  const ring = new Float64Array(period);
  let pos = 0, count = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x !== x) continue;
    if (count === period) out[i] = x / (ring[pos] as number) - 1;
    else count++;
    ring[pos] = x;
    if (++pos === period) pos = 0;
  }
  return out;
}
