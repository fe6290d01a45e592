/**
 * The input every metric starts from: account values on ascending ISO dates,
 * checked once, and the daily simple returns derived from them.
 *
 * Design decision: values must be finite and above zero. A simple return
 * `v[t] / v[t-1] - 1` is undefined after a value of zero, and a curve that
 * reaches zero or below is a bug upstream (the engine never lends), so it
 * throws rather than yielding a silently wrong ratio.
 *
 * @module
 */

import { isoDayNumber } from "./iso_day.ts";

/**
 * Account (or benchmark) values, one per date, dates as ISO `YYYY-MM-DD`
 * strictly ascending. An `EquityCurve` from the engine (lib/engine/types.ts) fits this shape.
 *
 * @example Build one by hand
 * ```ts
 * import assert from "node:assert/strict";
 * import type { ValueSeries } from "./mod.ts";
 *
 * const series: ValueSeries = { dates: ["2024-01-02", "2024-01-03"], value: [100, 101] };
 * assert.equal(series.value.length, series.dates.length);
 * ```
 */
export type ValueSeries = {
  readonly dates: readonly string[];
  readonly value: ArrayLike<number>;
};

/** A value series whose dates are also held as day numbers (days since 1970-01-01). */
export type CheckedSeries = {
  readonly dates: readonly string[];
  readonly days: Int32Array;
  readonly value: ArrayLike<number>;
};

/**
 * Checks a value series and returns it with its day numbers.
 * Throws `RangeError` naming the first problem: lengths differ, no value at all,
 * a date not a real ISO date or not after the one before, a value not finite and above 0.
 */
export function checkValueSeries(series: ValueSeries, caller: string): CheckedSeries {
  const { dates, value } = series;
  if (dates.length !== value.length) {
    throw new RangeError(
      `Cannot ${caller} as dates and value must have the same length: current lengths are ${dates.length} and ${value.length}`,
    );
  }
  if (dates.length === 0) {
    throw new RangeError(
      `Cannot ${caller} as the series must hold at least one value: it is empty`,
    );
  }
  const days = new Int32Array(dates.length);
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i] ?? "";
    const day = isoDayNumber(date);
    if (Number.isNaN(day)) {
      throw new RangeError(
        `Cannot ${caller} as dates[${i}] must be an ISO date (YYYY-MM-DD): current value is "${date}"`,
      );
    }
    if (i > 0 && day <= (days[i - 1] ?? 0)) {
      throw new RangeError(
        `Cannot ${caller} as dates must be strictly ascending: dates[${i}] "${date}" follows "${
          dates[i - 1]
        }"`,
      );
    }
    days[i] = day;
  }
  checkPositiveValues(value, "value", caller);
  return { dates, days, value };
}

/** Throws `RangeError` unless every entry is a finite number above 0. */
export function checkPositiveValues(values: ArrayLike<number>, name: string, caller: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (!(Number.isFinite(v) && v > 0)) {
      throw new RangeError(
        `Cannot ${caller} as ${name}[${i}] must be a finite number above 0: current value is ${v}`,
      );
    }
  }
}

/**
 * Daily simple returns `v[t] / v[t-1] - 1` for t = 1..n-1 (n - 1 entries):
 * the return of day t belongs to `dates[t]`.
 */
export function simpleReturns(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(Math.max(0, values.length - 1));
  let previous = values[0] ?? NaN;
  for (let t = 1; t < values.length; t++) {
    const current = values[t] ?? NaN;
    out[t - 1] = current / previous - 1;
    previous = current;
  }
  return out;
}
