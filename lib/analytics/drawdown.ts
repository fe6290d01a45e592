/**
 * Drawdowns: every fall of the value below its running peak, from the peak to
 * the trough and on to the recovery (the first day back at or above the peak).
 *
 * The drawdown on day t is `v[t] / max(v[0..t]) - 1`, empyrical's
 * `max_drawdown` and ffn's `to_drawdown_series`; depths are negative fractions.
 *
 * @module
 */

import { type CheckedSeries, checkValueSeries, type ValueSeries } from "./value_series.ts";

/**
 * One drawdown, from the peak to the recovery.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type DrawdownPeriod, drawdownPeriods } from "./mod.ts";
 *
 * const [deepest]: DrawdownPeriod[] = drawdownPeriods({
 *   dates: ["2024-01-01", "2024-01-02", "2024-01-03"],
 *   value: [100, 90, 95],
 * });
 * assert.equal(deepest?.recovery, null); // 95 is still below the peak of 100
 * ```
 */
export type DrawdownPeriod = {
  /** The last day at the high-water mark before the fall. */
  readonly peak: string;
  /** The day of the lowest value (the first such day on a tie). */
  readonly trough: string;
  /** The first day at or above the peak value again, or null when the series ends below it. */
  readonly recovery: string | null;
  /** `trough / peak - 1`: a negative fraction (-0.2 is a 20% fall). */
  readonly depth: number;
  /** Calendar days from the peak to the recovery, or to the last date when not recovered. */
  readonly lengthDays: number;
};

/**
 * The maximum drawdown with its dates. `depth` is 0 and every date null when the
 * value never fell below a previous peak.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { computeMetrics, type MaxDrawdown } from "./mod.ts";
 *
 * const dd: MaxDrawdown = computeMetrics({
 *   curve: { dates: ["2024-01-01", "2024-01-02"], value: [100, 101] },
 * }).maxDrawdown;
 * assert.deepEqual(dd, { depth: 0, peak: null, trough: null, recovery: null });
 * ```
 */
export type MaxDrawdown = {
  readonly depth: number;
  readonly peak: string | null;
  readonly trough: string | null;
  readonly recovery: string | null;
};

/**
 * Every drawdown of a value series, deepest first (ties in date order).
 *
 * The peak is the last day at the running maximum before the fall; the trough
 * the day of the lowest value before recovery; the recovery the first day whose
 * value is at or above the peak's. A drawdown still open at the end has
 * `recovery: null` and its length runs to the last date. Throws `RangeError` on
 * a malformed series (see {@link ValueSeries}).
 *
 * @example A fall of 20%, recovered, then an open fall of 5%
 * ```ts
 * import assert from "node:assert/strict";
 * import { drawdownPeriods } from "./mod.ts";
 *
 * const periods = drawdownPeriods({
 *   dates: ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"],
 *   value: [100, 80, 100, 120, 114],
 * });
 * assert.deepEqual(periods, [
 *   { peak: "2024-01-01", trough: "2024-01-02", recovery: "2024-01-03", depth: 80 / 100 - 1, lengthDays: 2 },
 *   { peak: "2024-01-04", trough: "2024-01-05", recovery: null, depth: 114 / 120 - 1, lengthDays: 1 },
 * ]);
 * ```
 */
export function drawdownPeriods(series: ValueSeries): DrawdownPeriod[] {
  return drawdownPeriodsOf(checkValueSeries(series, "compute drawdown periods"));
}

/** {@link drawdownPeriods} of an already checked series. */
export function drawdownPeriodsOf(series: CheckedSeries): DrawdownPeriod[] {
  const { value, days, dates } = series;
  const periods: DrawdownPeriod[] = [];
  const close = (peak: number, trough: number, recovery: number | null): void => {
    const peakValue = value[peak] ?? NaN;
    const end = recovery ?? value.length - 1;
    periods.push({
      peak: dates[peak] ?? "",
      trough: dates[trough] ?? "",
      recovery: recovery === null ? null : dates[recovery] ?? "",
      depth: (value[trough] ?? NaN) / peakValue - 1,
      lengthDays: (days[end] ?? 0) - (days[peak] ?? 0),
    });
  };
  let peak = 0, trough = -1;
  for (let t = 1; t < value.length; t++) {
    const v = value[t] ?? NaN;
    if (v >= (value[peak] ?? NaN)) {
      if (trough >= 0) close(peak, trough, t);
      trough = -1;
      peak = t;
    } else if (trough < 0 || v < (value[trough] ?? NaN)) {
      trough = t;
    }
  }
  if (trough >= 0) close(peak, trough, null);
  // Array.prototype.sort is stable: equal depths keep date order.
  return periods.sort((a, b) => a.depth - b.depth);
}

/** The deepest of the periods (already sorted deepest first), or a zero drawdown. */
export function maxDrawdownOf(periods: readonly DrawdownPeriod[]): MaxDrawdown {
  const deepest = periods[0];
  if (deepest === undefined) return { depth: 0, peak: null, trough: null, recovery: null };
  const { depth, peak, trough, recovery } = deepest;
  return { depth, peak, trough, recovery };
}
