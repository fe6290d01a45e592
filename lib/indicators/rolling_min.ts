/**
 * Rolling minimum: the lowest of the last `period` valid values.
 *
 * @module
 */
import { _checkPeriod, _nanArray } from "./_checks.ts";

/** Options for {@link rollingMin}. */
export type RollingMinOptions = {
  /** Window in valid bars. Default 20. */
  readonly period?: number;
};

/** Defaults of {@link RollingMinOptions}. */
export const ROLLING_MIN_DEFAULTS = { period: 20 } as const;

/**
 * The minimum of the last `period` valid values (the scanner uses it on the
 * Bollinger bandwidth to detect a squeeze). First value at the `period`-th valid
 * bar. O(1) per bar whatever the period.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rollingMin } from "./rolling_min.ts";
 *
 * const out = rollingMin(Float64Array.from([3, 1, NaN, 2, 5, 4]), { period: 2 });
 * assert.deepEqual([...out], [NaN, 1, NaN, 1, 2, 4]);
 * ```
 */
export function rollingMin(values: Float64Array, options: RollingMinOptions = {}): Float64Array {
  const period = options.period ?? ROLLING_MIN_DEFAULTS.period;
  _checkPeriod("rollingMin", "period", period);
  const n = values.length;
  const out = _nanArray(n);
  // Design decision: van Herk / Gil-Werman over the valid values, in blocks of
  // `period`: the minimum of a window is min(suffix minimum of its first block,
  // prefix minimum of its last block). Four branch-light passes instead of a
  // monotonic queue, whose unpredictable pops cost three times as much.
  const position = new Int32Array(n), valid = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x !== x) continue;
    valid[m] = x;
    position[m++] = i;
  }
  const prefix = new Float64Array(m), suffix = new Float64Array(m);
  for (let start = 0; start < m; start += period) {
    const end = Math.min(start + period, m);
    let low = Infinity;
    for (let i = start; i < end; i++) {
      const x = valid[i] as number;
      if (x < low) low = x;
      prefix[i] = low;
    }
    low = Infinity;
    for (let i = end - 1; i >= start; i--) {
      const x = valid[i] as number;
      if (x < low) low = x;
      suffix[i] = low;
    }
  }
  for (let i = period - 1; i < m; i++) {
    const a = suffix[i - period + 1] as number, b = prefix[i] as number;
    out[position[i] as number] = a < b ? a : b;
  }
  return out;
}
