/**
 * Resampling to higher timeframes: daily bars to weekly (ISO weeks) and monthly
 * bars, hourly bars to 4-hour bars, and the point-in-time map from a daily index
 * to the last higher-timeframe bar that is complete at that day's close.
 *
 * Rules, the same everywhere:
 * - open = first, high = max, low = min, close = last, adjClose = last,
 *   volume = sum, each over the values that are not NaN (all NaN => NaN).
 * - A resampled bar is stamped with the time of its LAST constituent bar: the
 *   moment its close is known (a week that ends on a Thursday holiday is stamped
 *   Thursday).
 * - Weeks are ISO weeks (Monday-Sunday), months calendar months. With the default
 *   `weekDays: 5` (markets closed at weekends) a Saturday or Sunday bar, should
 *   one occur, belongs to the period of the following Monday, and a period is
 *   complete at the close of its last weekday (the Friday; the month's last
 *   weekday). With `weekDays: 7` (markets that trade every day) a period is
 *   complete at the close of its last calendar day.
 * - Point in time: at day t the scanner uses the last COMPLETED period, never a
 *   partial one. Completion depends only on the calendar date of day t, so it
 *   needs no knowledge of later days: a week whose Friday is a holiday is
 *   recognised as complete at the next trading day's close, one day late rather
 *   than early.
 * - 4-hour bars: hourly bars are grouped by UTC day, then into 4-hour buckets
 *   counted from the day's first hourly bar (the session start): a US session of
 *   seven hourly bars from 09:30 gives 09:30-13:30 (four bars) and 13:30-16:00
 *   (three bars). A bucket never crosses a day.
 *
 * @module
 */
import { type BarField, type BarSeries, emptySeries } from "./bars.ts";
import { dayOfMs, weekdayOfDay, yearMonthOfDay } from "./dates.ts";

/** The higher timeframes built from daily bars. */
export type DailyTarget = "1w" | "1mo";

/** Options for {@link bucketDays} and {@link resampleDaily}. */
export type ResampleOptions = {
  /** Trading days a week: 5 (weekends closed, the default) or 7. */
  readonly weekDays?: 5 | 7;
};

/** A daily calendar cut into weeks or months. Buckets are never empty. */
export type DayBuckets = {
  readonly interval: DailyTarget;
  /** Bucket index of each day index. */
  readonly bucketOf: Int32Array;
  /** Day index of each bucket's first day. */
  readonly first: Int32Array;
  /** Day index of each bucket's last day (its stamp). */
  readonly last: Int32Array;
  /** For each day index t: the last bucket complete at the close of day t, or -1. */
  readonly completedAt: Int32Array;
};

/** Columns of any bar fields, one value per bar. */
export type BarColumns<K extends BarField> = { readonly [F in K]: Float64Array };

const MS_PER_DAY = 86_400_000;
const MS_PER_4H = 4 * 3_600_000;

/**
 * Cuts a calendar of day numbers (ascending, as `Panel.days`) into ISO weeks or
 * months and marks, for each day, the last period complete at its close.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseIsoDay } from "./dates.ts";
 * import { bucketDays } from "./resample.ts";
 *
 * // Wed 2024-01-03 .. Fri 01-05, Mon 01-08, Wed 01-10.
 * const days = Int32Array.from(
 *   ["2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-10"].map(parseIsoDay),
 * );
 * const weeks = bucketDays(days, "1w");
 * assert.deepEqual([...weeks.bucketOf], [0, 0, 0, 1, 1]);
 * // The first week is complete at Friday's close, not before.
 * assert.deepEqual([...weeks.completedAt], [-1, -1, 0, 0, 0]);
 * ```
 */
export function bucketDays(
  days: Int32Array,
  interval: DailyTarget,
  options: ResampleOptions = {},
): DayBuckets {
  const weekDays = options.weekDays ?? 5;
  const n = days.length;
  const bucketOf = new Int32Array(n), completedAt = new Int32Array(n);
  const first: number[] = [], last: number[] = [];
  let key = NaN;
  for (let t = 0; t < n; t++) {
    const day = days[t] as number;
    const period = _period(day, interval, weekDays);
    if (period.key !== key) {
      key = period.key;
      first.push(t);
      last.push(t);
    }
    const b = first.length - 1;
    bucketOf[t] = b;
    last[b] = t;
    completedAt[t] = day >= period.end ? b : b - 1;
  }
  return {
    interval,
    bucketOf,
    first: Int32Array.from(first),
    last: Int32Array.from(last),
    completedAt,
  };
}

/** The last bucket complete at the close of day index `t` (-1 when none yet). */
export function lastCompletedBucket(buckets: DayBuckets, t: number): number {
  return buckets.completedAt[t] ?? -1;
}

/** Key and last tradable day of the week or month holding `day`. */
function _period(
  day: number,
  interval: DailyTarget,
  weekDays: 5 | 7,
): { key: number; end: number } {
  // Weekend days in a five-day market go with the next Monday.
  let effective = day;
  if (weekDays === 5) {
    const weekday = weekdayOfDay(day);
    if (weekday === 6) effective = day + 2;
    else if (weekday === 0) effective = day + 1;
  }
  if (interval === "1w") {
    const monday = effective - ((weekdayOfDay(effective) + 6) % 7);
    return { key: monday, end: monday + weekDays - 1 };
  }
  const { year, month } = yearMonthOfDay(effective);
  let end = Date.UTC(year, month, 0) / MS_PER_DAY;
  if (weekDays === 5) {
    while (weekdayOfDay(end) === 0 || weekdayOfDay(end) === 6) end--;
  }
  return { key: year * 12 + month, end };
}

/**
 * Aggregates columns by bucket: open first, high max, low min, close and
 * adjClose last, volume sum, each over the non-NaN values of the bucket (NaN when
 * there are none). The result has one value per bucket.
 */
export function resampleColumns<K extends BarField>(
  buckets: Pick<DayBuckets, "first" | "last">,
  columns: BarColumns<K>,
): BarColumns<K> {
  const out = {} as { [F in K]: Float64Array };
  for (const field of Object.keys(columns) as K[]) {
    out[field] = _aggregate(buckets, columns[field], field);
  }
  return out;
}

function _aggregate(
  buckets: Pick<DayBuckets, "first" | "last">,
  values: Float64Array,
  field: BarField,
): Float64Array {
  const count = buckets.first.length;
  const out = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    const from = buckets.first[b] as number, to = buckets.last[b] as number;
    let acc = NaN;
    for (let i = from; i <= to; i++) {
      const x = values[i] as number;
      if (x !== x) continue;
      if (acc !== acc) acc = x;
      else if (field === "high") acc = x > acc ? x : acc;
      else if (field === "low") acc = x < acc ? x : acc;
      else if (field === "volume") acc += x;
      else if (field !== "open") acc = x;
    }
    out[b] = acc;
  }
  return out;
}

/** Day numbers of a series' bars. */
export function seriesDays(series: BarSeries): Int32Array {
  return Int32Array.from(series.time, (ms) => dayOfMs(ms));
}

/**
 * Daily bars to weekly or monthly bars, stamped with the time of each period's
 * last daily bar. Bar k of the result is bucket k of
 * `bucketDays(seriesDays(series), interval, options)`, whose `completedAt` maps a
 * daily index to the last complete bar.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seriesFromRows } from "./bars.ts";
 * import { parseIsoDay } from "./dates.ts";
 * import { resampleDaily } from "./resample.ts";
 *
 * const bar = (date: string, o: number, h: number, l: number, c: number, v: number) => ({
 *   time: parseIsoDay(date) * 86_400_000, open: o, high: h, low: l, close: c, adjClose: c, volume: v,
 * });
 * const daily = seriesFromRows("X", "1d", [
 *   bar("2024-01-30", 10, 12, 9, 11, 100),
 *   bar("2024-01-31", 11, 13, 10, 12, 200),
 *   bar("2024-02-01", 12, 12, 8, 9, 300),
 * ]);
 * const monthly = resampleDaily(daily, "1mo");
 * assert.deepEqual([...monthly.open], [10, 12]);
 * assert.deepEqual([...monthly.high], [13, 12]);
 * assert.deepEqual([...monthly.close], [12, 9]);
 * assert.deepEqual([...monthly.volume], [300, 300]);
 * assert.equal(monthly.time[0], daily.time[1]); // stamped on January's last bar
 * ```
 */
export function resampleDaily(
  series: BarSeries,
  interval: DailyTarget,
  options: ResampleOptions = {},
): BarSeries {
  if (series.interval !== "1d") {
    throw new RangeError(
      `Cannot resample ${series.ticker} to ${interval} as its interval must be 1d: current value is ${series.interval}`,
    );
  }
  return _build(series, interval, bucketDays(seriesDays(series), interval, options));
}

/**
 * Hourly bars to 4-hour bars: by UTC day, in 4-hour buckets from the day's first
 * bar; each stamped with the time of its last hourly bar.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seriesFromRows } from "./bars.ts";
 * import { resampleHourly } from "./resample.ts";
 *
 * const start = Date.UTC(2024, 0, 3, 14, 30); // 09:30 New York
 * const hourly = seriesFromRows("X", "1h", [0, 1, 2, 3, 4, 5, 6].map((h) => ({
 *   time: start + h * 3_600_000, open: 10 + h, high: 11 + h, low: 9 + h, close: 10.5 + h,
 *   adjClose: 10.5 + h, volume: 10,
 * })));
 * const bars = resampleHourly(hourly);
 * assert.deepEqual([...bars.open], [10, 14]);
 * assert.deepEqual([...bars.close], [13.5, 16.5]);
 * assert.deepEqual([...bars.volume], [40, 30]);
 * assert.equal(bars.time[1], hourly.time[6]);
 * ```
 */
export function resampleHourly(series: BarSeries): BarSeries {
  if (series.interval !== "1h") {
    throw new RangeError(
      `Cannot resample ${series.ticker} to 4h as its interval must be 1h: current value is ${series.interval}`,
    );
  }
  const first: number[] = [], last: number[] = [];
  let day = NaN, sessionStart = 0, bucket = -1;
  for (let i = 0; i < series.time.length; i++) {
    const ms = series.time[i] as number;
    if (dayOfMs(ms) !== day) {
      day = dayOfMs(ms);
      sessionStart = ms;
      bucket = -1;
    }
    const k = Math.floor((ms - sessionStart) / MS_PER_4H);
    if (k !== bucket) {
      bucket = k;
      first.push(i);
      last.push(i);
    }
    last[last.length - 1] = i;
  }
  return _build(series, "4h", { first: Int32Array.from(first), last: Int32Array.from(last) });
}

function _build(
  series: BarSeries,
  interval: BarSeries["interval"],
  buckets: Pick<DayBuckets, "first" | "last">,
): BarSeries {
  const { open, high, low, close, adjClose, volume } = series;
  const c = resampleColumns(buckets, { open, high, low, close, adjClose, volume });
  const out = emptySeries(series.ticker, interval, buckets.first.length);
  out.open.set(c.open), out.high.set(c.high), out.low.set(c.low), out.close.set(c.close);
  out.adjClose.set(c.adjClose), out.volume.set(c.volume);
  buckets.last.forEach((i, b) => (out.time[b] = series.time[i] as number));
  return out;
}

/**
 * For each day of a calendar, the index of the last intraday bar (1h or 4h) of
 * `series` whose UTC day is on or before that day: the bars known at that day's
 * close (intraday buckets never cross a day, so all of them are complete then).
 * -1 where there is none.
 */
export function barsKnownBy(series: BarSeries, days: Int32Array): Int32Array {
  if (series.interval !== "1h" && series.interval !== "4h") {
    throw new RangeError(
      `Cannot map ${series.ticker} to days as its interval must be 1h or 4h: current value is ${series.interval}`,
    );
  }
  const out = new Int32Array(days.length);
  let j = -1;
  for (let t = 0; t < days.length; t++) {
    const day = days[t] as number;
    while (j + 1 < series.time.length && dayOfMs(series.time[j + 1] as number) <= day) j++;
    out[t] = j;
  }
  return out;
}
