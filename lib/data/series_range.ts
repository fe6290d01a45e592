/**
 * Cutting a series to a range of days by binary search on its times.
 *
 * @module
 */
import { type BarSeries, sliceSeries } from "./bars.ts";

const MS_PER_DAY = 86_400_000;

/** Index of the first time >= `ms` in ascending `times` (binary search). */
export function lowerBound(times: Float64Array, ms: number): number {
  let lo = 0, hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The bars of `s` from day `fromDay` through day `toDay` (either open), sharing memory. */
export function seriesBetween(s: BarSeries, fromDay?: number, toDay?: number): BarSeries {
  const from = fromDay === undefined ? 0 : lowerBound(s.time, fromDay * MS_PER_DAY);
  const to = toDay === undefined ? s.time.length : lowerBound(s.time, (toDay + 1) * MS_PER_DAY);
  return from === 0 && to === s.time.length ? s : sliceSeries(s, from, Math.max(from, to));
}
