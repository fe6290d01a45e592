/**
 * The point every time-series chart of the report draws: an ISO date and a
 * value (null where the series has none, drawn as a gap), and how points are
 * picked from a long column.
 *
 * @module
 */

import { roundSignificant } from "./format.ts";

/** `[ISO date, value]`, the shape ECharts takes for a time axis. */
export type ChartPoint = readonly [date: string, value: number | null];

/** The points of `values` at `indices`, values rounded to 7 significant digits. */
export function pointsAt(
  dates: readonly string[],
  values: ArrayLike<number | null>,
  indices: readonly number[],
): ChartPoint[] {
  return indices.map((i) => {
    const v = values[i];
    return [
      dates[i] ?? "",
      v === null || v === undefined || !Number.isFinite(v) ? null : roundSignificant(v),
    ];
  });
}

/**
 * Index of `date` in ascending ISO `dates` (ISO dates sort as text), or of the
 * first later date; `dates.length` when every date is earlier.
 */
export function dateIndex(dates: readonly string[], date: string): number {
  let low = 0, high = dates.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((dates[mid] ?? "") < date) low = mid + 1;
    else high = mid;
  }
  return low;
}
