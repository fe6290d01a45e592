/**
 * Turning a Yahoo Finance v8 chart result (yahoo-finance2's `chart()` with
 * `return: "object"`) into a {@link BarSeries} and corporate actions.
 *
 * Conventions of the source, kept as they are:
 * - Yahoo's open/high/low/close and volume are split-adjusted as of the request
 *   (not dividend-adjusted); `adjclose` is split- and dividend-adjusted. The CSV
 *   files of `../shared/data/market` hold raw as-traded prices instead, so do not
 *   mix the two sources for one ticker.
 * - Daily bars carry the session's opening time; they are stamped at midnight UTC
 *   of the exchange's local date (time + `meta.gmtoffset`), like every daily bar here.
 * - Rows with a null price are skipped and counted; a null volume is 0; without an
 *   `adjclose` indicator (intraday) Adj Close is Close. When the last daily bar
 *   repeats a day (Yahoo's live bar), the later one is kept.
 *
 * @module
 */
import { type BarRow, type BarSeries, type Interval, seriesFromRows } from "./bars.ts";
import type { CorporateAction } from "./actions.ts";
import { isIntraday } from "./bar_time.ts";

const MS_PER_DAY = 86_400_000;

/** The parts of a chart result this module reads (yahoo-finance2's `ChartResultObject` fits it). */
export type YahooChart = {
  readonly meta: { readonly gmtoffset: number };
  readonly timestamp?: readonly number[];
  readonly events?: {
    readonly dividends?: Readonly<Record<string, { readonly amount: number; readonly date: Date }>>;
    readonly splits?: Readonly<
      Record<
        string,
        { readonly date: Date; readonly numerator: number; readonly denominator: number }
      >
    >;
  };
  readonly indicators: {
    readonly quote: readonly {
      readonly open: readonly (number | null)[];
      readonly high: readonly (number | null)[];
      readonly low: readonly (number | null)[];
      readonly close: readonly (number | null)[];
      readonly volume: readonly (number | null)[];
    }[];
    readonly adjclose?: readonly { readonly adjclose?: readonly (number | null)[] }[];
  };
};

/** A chart converted: the bars, the actions, and how many rows had null prices. */
export type ConvertedChart = {
  readonly series: BarSeries;
  readonly actions: readonly CorporateAction[];
  readonly skippedRows: number;
};

function _value(x: number | null | undefined): number | undefined {
  return typeof x === "number" ? x : undefined;
}

/** Bars of a chart result; see the module doc for the conventions. */
function _rows(chart: YahooChart, interval: Interval): { rows: BarRow[]; skipped: number } {
  const times = chart.timestamp ?? [];
  const quote = chart.indicators.quote[0];
  const adj = chart.indicators.adjclose?.[0]?.adjclose;
  const offsetMs = chart.meta.gmtoffset * 1000;
  const daily = !isIntraday(interval);
  const rows: BarRow[] = [];
  let skipped = 0;
  for (let i = 0; i < times.length && quote !== undefined; i++) {
    const open = _value(quote.open[i]), high = _value(quote.high[i]), low = _value(quote.low[i]);
    const close = _value(quote.close[i]);
    const adjClose = adj === undefined ? close : _value(adj[i]);
    if (
      open === undefined || high === undefined || low === undefined || close === undefined ||
      adjClose === undefined
    ) {
      skipped++;
      continue;
    }
    const ms = (times[i] as number) * 1000;
    const time = daily ? Math.floor((ms + offsetMs) / MS_PER_DAY) * MS_PER_DAY : ms;
    const row = { time, open, high, low, close, adjClose, volume: _value(quote.volume[i]) ?? 0 };
    if (daily && rows.length > 0 && rows[rows.length - 1]?.time === time) {
      rows[rows.length - 1] = row;
    } else rows.push(row);
  }
  return { rows, skipped };
}

/** Dividends and splits of a chart result, one record per ex-date (local exchange date). */
function _actions(chart: YahooChart, ticker: string): CorporateAction[] {
  const offsetMs = chart.meta.gmtoffset * 1000;
  const byDay = new Map<number, { dividend: number; split: number }>();
  const at = (date: Date) => {
    const day = Math.floor((date.getTime() + offsetMs) / MS_PER_DAY);
    let entry = byDay.get(day);
    if (entry === undefined) byDay.set(day, entry = { dividend: 0, split: 1 });
    return entry;
  };
  for (const d of Object.values(chart.events?.dividends ?? {})) at(d.date).dividend += d.amount;
  for (const s of Object.values(chart.events?.splits ?? {})) {
    at(s.date).split *= s.numerator / s.denominator;
  }
  return [...byDay].sort((a, b) => a[0] - b[0]).map(([day, e]) => ({ ticker, day, ...e }));
}

/**
 * Converts a chart result for `ticker`, keeping bars and actions from day
 * `fromDay` through day `toDay` (inclusive, either open). Not validated here.
 */
export function convertChart(
  chart: YahooChart,
  ticker: string,
  interval: Interval,
  fromDay?: number,
  toDay?: number,
): ConvertedChart {
  const inRange = (day: number) =>
    (fromDay === undefined || day >= fromDay) && (toDay === undefined || day <= toDay);
  const { rows, skipped } = _rows(chart, interval);
  const kept = rows.filter((r) => inRange(Math.floor(r.time / MS_PER_DAY)));
  return {
    series: seriesFromRows(ticker, interval, kept),
    actions: _actions(chart, ticker).filter((a) => inRange(a.day)),
    skippedRows: skipped,
  };
}
