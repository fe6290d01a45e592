/**
 * Simple moving average: the mean of the last `period` valid values.
 *
 * @module
 */
import { _checkPeriod, _nanArray } from "./_checks.ts";

/** Options for {@link sma}. */
export type SmaOptions = {
  /** Number of valid bars averaged. Default 20. */
  readonly period?: number;
};

/** Defaults of {@link SmaOptions}. */
export const SMA_DEFAULTS = { period: 20 } as const;

/**
 * Simple moving average of `values` over `period` valid bars. First value at the
 * `period`-th valid bar; NaN inputs give NaN and are left out of the window.
 *
 * Design decision: a running sum, recomputed exactly from the window each time
 * the window has been replaced in full, so rounding error cannot accumulate over
 * long histories (values agree with a direct mean to about 1e-15).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sma } from "./sma.ts";
 *
 * const out = sma(Float64Array.from([1, 2, 3, NaN, 4]), { period: 3 });
 * assert.deepEqual([...out], [NaN, NaN, 2, NaN, 3]);
 * ```
 */
export function sma(values: Float64Array, options: SmaOptions = {}): Float64Array {
  const period = options.period ?? SMA_DEFAULTS.period;
  _checkPeriod("sma", "period", period);
  const n = values.length;
  const out = _nanArray(n);
  const ring = new Float64Array(period);
  let pos = 0, count = 0, sum = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x !== x) continue;
    if (count === period) sum -= ring[pos] as number;
    else count++;
    ring[pos] = x;
    sum += x;
    if (++pos === period) {
      pos = 0;
      if (count === period) sum = _sum(ring);
    }
    if (count === period) out[i] = sum / period;
  }
  return out;
}

function _sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] as number;
  return s;
}
