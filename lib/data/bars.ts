/**
 * Bars: the price history of one instrument, held column by column.
 *
 * Design decision: columns of Float64Array rather than an array of bar objects,
 * because every consumer (store, Panel, indicators) works per field and typed
 * arrays load and loop an order of magnitude faster than objects.
 *
 * @module
 */

/** Bar intervals the engine knows. Daily and slower bars are stamped at midnight UTC of their day. */
export const INTERVALS = ["1h", "4h", "1d", "1w", "1mo"] as const;
/** One of {@link INTERVALS}. */
export type Interval = typeof INTERVALS[number];

/** The price fields of a bar. */
export const BAR_FIELDS = ["open", "high", "low", "close", "adjClose", "volume"] as const;
/** One of {@link BAR_FIELDS}. */
export type BarField = typeof BAR_FIELDS[number];

/**
 * The history of one ticker at one interval, column by column, times ascending.
 * `time` is epoch milliseconds (UTC); for daily bars it is midnight of the trading day.
 * `adjClose` is the split- and dividend-adjusted close (equal to `close` where unknown).
 */
export type BarSeries = {
  readonly ticker: string;
  readonly interval: Interval;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly adjClose: Float64Array;
  readonly volume: Float64Array;
};

/** One bar as a plain record, for building series row by row (CSV, Yahoo). */
export type BarRow = {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly adjClose: number;
  readonly volume: number;
};

/** Builds a {@link BarSeries} from rows (which must already be in time order). */
export function seriesFromRows(
  ticker: string,
  interval: Interval,
  rows: readonly BarRow[],
): BarSeries {
  const n = rows.length;
  const s = emptySeries(ticker, interval, n);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as BarRow;
    s.time[i] = r.time;
    s.open[i] = r.open;
    s.high[i] = r.high;
    s.low[i] = r.low;
    s.close[i] = r.close;
    s.adjClose[i] = r.adjClose;
    s.volume[i] = r.volume;
  }
  return s;
}

/** A series of `length` zeroed bars. */
export function emptySeries(ticker: string, interval: Interval, length: number): BarSeries {
  return {
    ticker,
    interval,
    time: new Float64Array(length),
    open: new Float64Array(length),
    high: new Float64Array(length),
    low: new Float64Array(length),
    close: new Float64Array(length),
    adjClose: new Float64Array(length),
    volume: new Float64Array(length),
  };
}

/** The bars of `s` at indexes [from, to). Shares memory with `s`. */
export function sliceSeries(s: BarSeries, from: number, to: number): BarSeries {
  return {
    ticker: s.ticker,
    interval: s.interval,
    time: s.time.subarray(from, to),
    open: s.open.subarray(from, to),
    high: s.high.subarray(from, to),
    low: s.low.subarray(from, to),
    close: s.close.subarray(from, to),
    adjClose: s.adjClose.subarray(from, to),
    volume: s.volume.subarray(from, to),
  };
}
