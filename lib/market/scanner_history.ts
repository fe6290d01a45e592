/**
 * The scanner's batch form: indicator columns computed once per asset and
 * timeframe over the whole history, then any (asset, day) classified in O(1).
 * The backtest builds one {@link ScanHistory} and asks it on every rebalance day.
 *
 * Timeframes at day t (point in time, see lib/data/resample.ts):
 * - 1d: the bar of day t (an asset without a bar on day t is not scanned);
 * - 1w, 1mo: the last week / month COMPLETE at the close of day t, never a
 *   partial one;
 * - 1h, 4h: the last hourly / 4-hour bar of day t itself (none that day: the
 *   timeframe is left out); 4-hour bars as `resampleHourly` builds them.
 *
 * Every indicator value at a bar uses only bars up to it, so the result at day t
 * is the same on `panel.truncate(t)` (a test proves it).
 *
 * @module
 */
import type { BarField, BarSeries, Interval } from "../data/bars.ts";
import { dayOfMs, formatIsoDay } from "../data/dates.ts";
import type { Panel } from "../data/panel.ts";
import {
  barsKnownBy,
  bucketDays,
  type DayBuckets,
  resampleColumns,
  resampleHourly,
} from "../data/resample.ts";
import { classifyBar } from "./conditions.ts";
import { type Combined, combineTimeframes, type WeightedPart } from "./scanner_combine.ts";
import {
  type ResolvedScannerOptions,
  resolveScannerOptions,
  type ScannerOptions,
} from "./scanner_options.ts";
import type { ScanResult } from "./scanner_result.ts";
import { type SignalColumns, signalColumns, signalsAt } from "./scanner_signals.ts";

/** What the scanner reads: a calendar and daily columns by asset (a Panel fits). */
export type ScanSource = {
  readonly tickers: readonly string[];
  readonly days: Int32Array;
  column(field: BarField, asset: number): Float64Array;
};

/** One asset's signals at one timeframe and the bar to read on each day. */
type Track = {
  readonly timeframe: Interval;
  readonly weight: number;
  readonly signals: SignalColumns;
  /** Bar index to read at each day index (-1: none); undefined for 1d (the day itself). */
  readonly barAt: Int32Array | undefined;
};

/** Scan results for every asset and day of a source; see the module doc. */
export class ScanHistory {
  /** Tickers in asset-index order. */
  readonly tickers: readonly string[];
  /** The calendar (day numbers). */
  readonly days: Int32Array;
  /** The options in force. */
  readonly options: ResolvedScannerOptions;
  readonly #close: readonly Float64Array[];
  readonly #tracks: readonly (readonly Track[])[];
  readonly #markets: readonly string[];
  readonly #dates: (string | undefined)[];

  /** Computes every asset's signal columns at every configured timeframe (RangeError on bad options). */
  constructor(source: ScanSource, options: ScannerOptions = {}) {
    this.options = resolveScannerOptions(options);
    this.tickers = source.tickers;
    this.days = source.days;
    this.#dates = new Array(source.days.length);
    const o = this.options;
    const buckets = new Map(
      o.timeframes
        .filter((w) => w.timeframe === "1w" || w.timeframe === "1mo")
        .map((w) => {
          const interval = w.timeframe === "1w" ? "1w" : "1mo";
          return [w.timeframe, bucketDays(source.days, interval, { weekDays: o.weekDays })];
        }),
    );
    this.#close = source.tickers.map((_, a) => source.column("close", a));
    this.#markets = source.tickers.map((t) => o.markets[t] ?? o.defaultMarket);
    this.#tracks = source.tickers.map((ticker, a) => _tracks(source, a, ticker, o, buckets));
  }

  /**
   * The result of asset `asset` at day index `t`: "multi" combining its
   * timeframes (each in `parts`), or the single timeframe's result when only one
   * is configured. Undefined when the asset has no bar on day t or no timeframe
   * can be classified yet.
   */
  resultAt(asset: number, t: number): ScanResult | undefined {
    const close = this.#close[asset];
    if (close === undefined || !(t >= 0 && t < this.days.length)) {
      throw new RangeError(
        `Cannot scan asset ${asset} at day ${t} as they must be in [0, ${this.tickers.length}) and [0, ${this.days.length})`,
      );
    }
    if (Number.isNaN(close[t])) return undefined;
    const ticker = this.tickers[asset] as string;
    const market = this.#markets[asset] as string;
    const date = this.#dates[t] ??= formatIsoDay(this.days[t] as number);
    const parts: WeightedPart[] = [];
    for (const track of this.#tracks[asset] ?? []) {
      const part = this.#classify(track, t, ticker, market, date);
      if (part !== undefined) parts.push({ weight: track.weight, result: part });
    }
    const heaviest = parts[0];
    if (heaviest === undefined) return undefined;
    if (this.options.timeframes.length === 1) return heaviest.result;
    const multi = parts.map((p) => p.result);
    const c: Combined = combineTimeframes(parts);
    // Written out rather than spread (the scan runs for every asset on every
    // rebalance): the keys in the order the spreads gave them.
    return {
      ticker,
      market,
      date,
      timeframe: "multi",
      condition: c.condition,
      trendDirection: c.trendDirection,
      confidence: c.confidence,
      strength: c.strength,
      volumeRatio: c.volumeRatio,
      priceChange: c.priceChange,
      volatility: c.volatility,
      parts: multi,
    };
  }

  /** The result of one timeframe at day index t, or undefined when it cannot be classified. */
  #classify(
    track: Track,
    t: number,
    ticker: string,
    market: string,
    date: string,
  ): ScanResult | undefined {
    const i = track.barAt === undefined ? t : track.barAt[t] as number;
    if (i < 0) return undefined;
    const s = track.signals;
    const found = classifyBar(signalsAt(s, i), this.options.thresholds);
    if (found === undefined) return undefined;
    return {
      ticker,
      market,
      date,
      timeframe: track.timeframe,
      condition: found.condition,
      trendDirection: found.trendDirection,
      confidence: found.confidence,
      strength: found.strength,
      volumeRatio: s.volumeRatio[i] as number,
      priceChange: s.priceChange[i] as number,
      volatility: s.volatility[i] as number,
      parts: [],
    };
  }

  /** Results of every asset that can be scanned at day index `t`, in asset order. */
  at(t: number): readonly ScanResult[] {
    const out: ScanResult[] = [];
    for (let a = 0; a < this.tickers.length; a++) {
      const r = this.resultAt(a, t);
      if (r !== undefined) out.push(r);
    }
    return out;
  }
}

/**
 * Builds the scan history of a Panel (see {@link ScanHistory}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seriesFromRows } from "../data/bars.ts";
 * import { Panel } from "../data/panel.ts";
 * import { scanHistory } from "./scanner_history.ts";
 *
 * // A steady climb of 1% a day on rising volume.
 * const rows = Array.from({ length: 300 }, (_, i) => {
 *   const close = 100 * 1.01 ** i;
 *   return {
 *     time: (19_000 + i) * 86_400_000, open: close / 1.005, high: close * 1.004,
 *     low: close / 1.01, close, adjClose: close, volume: 1e6,
 *   };
 * });
 * const panel = Panel.fromSeries([seriesFromRows("UP", "1d", rows)]);
 * const history = scanHistory(panel, { timeframes: { "1d": 1 }, weekDays: 7 });
 * const result = history.resultAt(0, 299);
 * assert.equal(result?.condition, "trending");
 * assert.equal(result?.trendDirection, "up");
 * assert.equal(history.resultAt(0, 10), undefined); // still warming up
 * ```
 */
export function scanHistory(panel: Panel, options: ScannerOptions = {}): ScanHistory {
  return new ScanHistory(panel, options);
}

/** Signals of one asset at every configured timeframe it has data for. */
function _tracks(
  source: ScanSource,
  asset: number,
  ticker: string,
  o: ResolvedScannerOptions,
  buckets: ReadonlyMap<Interval, DayBuckets>,
): Track[] {
  const daily = {
    high: source.column("high", asset),
    low: source.column("low", asset),
    close: source.column("close", asset),
    volume: source.column("volume", asset),
  };
  return o.timeframes.flatMap(({ timeframe, weight }): Track[] => {
    const perYear = o.periodsPerYear[timeframe];
    if (timeframe === "1d") {
      return [{
        timeframe,
        weight,
        signals: signalColumns(daily, o.signals, perYear),
        barAt: undefined,
      }];
    }
    const b = buckets.get(timeframe);
    if (b !== undefined) {
      const signals = signalColumns(resampleColumns(b, daily), o.signals, perYear);
      return [{ timeframe, weight, signals, barAt: b.completedAt }];
    }
    const hourly = o.intraday[ticker];
    if (hourly === undefined) return [];
    const series = timeframe === "4h" ? resampleHourly(hourly) : hourly;
    const signals = signalColumns(series, o.signals, perYear);
    return [{ timeframe, weight, signals, barAt: _sameDayBars(series, source.days) }];
  });
}

/** For each day, the last intraday bar of that very day (-1 when the day has none). */
function _sameDayBars(series: BarSeries, days: Int32Array): Int32Array {
  const known = barsKnownBy(series, days);
  return known.map((j, t) => (j >= 0 && dayOfMs(series.time[j] as number) === days[t] ? j : -1));
}
