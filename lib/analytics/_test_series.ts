/**
 * Test helper: builds value series from returns on consecutive calendar days,
 * the way empyrical's test fixtures lay returns on `pd.date_range(..., freq="D")`.
 *
 * @module
 */

import { formatIsoDay, parseIsoDay } from "../data/dates.ts";
import type { ValueSeries } from "./value_series.ts";

/** `count` consecutive ISO dates from `start`. */
export function consecutiveDates(start: string, count: number): string[] {
  const first = parseIsoDay(start);
  return Array.from({ length: count }, (_, i) => formatIsoDay(first + i));
}

/**
 * A value series starting at `startValue` on `baseDate` and compounding each
 * return on the following days: `returns[i]` is the return of day i + 1.
 */
export function seriesFromReturns(
  returns: readonly number[],
  baseDate = "2000-01-29",
  startValue = 100,
): ValueSeries {
  const value = [startValue];
  for (const r of returns) value.push((value[value.length - 1] ?? NaN) * (1 + r));
  return { dates: consecutiveDates(baseDate, value.length), value };
}
