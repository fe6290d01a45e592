/**
 * Calendar-period returns: the monthly table (year -> month -> return) and the
 * yearly returns, compounded from the daily returns that fall in each period.
 *
 * The daily return of day t (`v[t] / v[t-1] - 1`) belongs to the month of
 * `dates[t]`, so a period's return is `v[last day of the period] / v[last day
 * before it] - 1`: the compounded product of its daily returns, as quantstats'
 * `monthly_returns` and empyrical's `aggregate_returns` build it. The first
 * value is the base of the first period; a period with no daily return (the
 * first day alone in its month) is absent.
 *
 * @module
 */

import { type CheckedSeries, checkValueSeries, type ValueSeries } from "./value_series.ts";

/**
 * Period returns. Keys are strings because JSON has no other: years as `"2024"`,
 * months as `"1"` (January) to `"12"`. Each month or year is present only when
 * the series has a daily return in it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type PeriodReturns, periodReturns } from "./mod.ts";
 *
 * const table: PeriodReturns = periodReturns({
 *   dates: ["2023-12-29", "2024-01-02"],
 *   value: [100, 103],
 * });
 * assert.deepEqual(table.yearly, { "2024": 103 / 100 - 1 });
 * ```
 */
export type PeriodReturns = {
  /** year -> month (1-12) -> compounded return of that month. */
  readonly monthly: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** year -> compounded return of that year. */
  readonly yearly: Readonly<Record<string, number>>;
};

/**
 * Monthly and yearly returns of a value series (see the module doc for how each
 * period's return is measured). Throws `RangeError` on a malformed series.
 *
 * @example Two months across a year end
 * ```ts
 * import assert from "node:assert/strict";
 * import { periodReturns } from "./mod.ts";
 *
 * const table = periodReturns({
 *   dates: ["2023-12-28", "2023-12-29", "2024-01-02", "2024-01-03"],
 *   value: [100, 110, 99, 108.9],
 * });
 * // December: 110 / 100 - 1; January: 108.9 / 110 - 1 (the base is December's last value).
 * assert.deepEqual(table.monthly, {
 *   "2023": { "12": 110 / 100 - 1 },
 *   "2024": { "1": 108.9 / 110 - 1 },
 * });
 * assert.deepEqual(table.yearly, { "2023": 110 / 100 - 1, "2024": 108.9 / 110 - 1 });
 * ```
 */
export function periodReturns(series: ValueSeries): PeriodReturns {
  return periodReturnsOf(checkValueSeries(series, "compute period returns"));
}

/** {@link periodReturns} of an already checked series. */
export function periodReturnsOf(series: CheckedSeries): PeriodReturns {
  const { dates, value } = series;
  const monthly: Record<string, Record<string, number>> = {};
  const yearly: Record<string, number> = {};
  const at = (t: number): string => dates[t] ?? "";
  // ISO dates "YYYY-MM-DD": the year is the first 4 characters, the month the first 7.
  let t = 1;
  while (t < dates.length) {
    const year = at(t).slice(0, 4);
    const yearBase = value[t - 1] ?? NaN;
    const row: Record<string, number> = {};
    while (t < dates.length && at(t).startsWith(year)) {
      const month = at(t).slice(0, 7);
      const monthBase = value[t - 1] ?? NaN;
      while (t < dates.length && at(t).startsWith(month)) t++;
      row[String(Number(month.slice(5, 7)))] = (value[t - 1] ?? NaN) / monthBase - 1;
    }
    monthly[year] = row;
    yearly[year] = (value[t - 1] ?? NaN) / yearBase - 1;
  }
  return { monthly, yearly };
}
