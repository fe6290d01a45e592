/**
 * The scanner's point-in-time front doors: scan every asset of a Panel as seen
 * at day t, or one asset's daily bars at their last day. Both build a
 * {@link ScanHistory} over what they are given (nothing later can be read) and
 * classify its last day; for many days of the same data, build one
 * `scanHistory(panel)` and ask it each day instead.
 *
 * Conditions and confidence: see conditions.ts; combination of timeframes: see
 * scanner_combine.ts; timeframes at day t: see scanner_history.ts.
 *
 * @module
 */
import type { BarSeries } from "../data/bars.ts";
import type { PanelView } from "../data/panel.ts";
import { seriesDays } from "../data/resample.ts";
import { ScanHistory } from "./scanner_history.ts";
import type { ScannerOptions } from "./scanner_options.ts";
import type { ScanResult } from "./scanner_result.ts";

/**
 * Scans every asset of the Panel at the view's day: one result per asset that
 * has a bar that day and enough history (in asset order).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seriesFromRows } from "../data/bars.ts";
 * import { Panel } from "../data/panel.ts";
 * import { scanPanel } from "./scanner.ts";
 *
 * // Two assets over 400 days: one climbs 0.8% a day, one falls 0.8% a day.
 * const series = [1, -1].map((sign, k) =>
 *   seriesFromRows(k === 0 ? "UP" : "DOWN", "1d", Array.from({ length: 400 }, (_, i) => {
 *     const close = 100 * Math.exp(sign * 0.008 * i);
 *     return {
 *       time: (18_000 + i) * 86_400_000, open: close, high: close * 1.005,
 *       low: close * 0.995, close, adjClose: close, volume: 1e6,
 *     };
 *   }))
 * );
 * const panel = Panel.fromSeries(series);
 * const results = scanPanel(panel.view(399), { timeframes: { "1d": 1 } });
 * assert.deepEqual(results.map((r) => [r.ticker, r.condition, r.trendDirection]), [
 *   ["UP", "trending", "up"],
 *   ["DOWN", "trending", "down"],
 * ]);
 * assert.equal(results[0]?.date, panel.dateAt(399));
 * ```
 */
export function scanPanel(view: PanelView, options: ScannerOptions = {}): readonly ScanResult[] {
  const source = {
    tickers: view.tickers,
    days: view.days,
    column: (field: Parameters<PanelView["history"]>[0], asset: number) =>
      view.history(field, asset),
  };
  return new ScanHistory(source, options).at(view.t);
}

/**
 * Scans one asset's daily bars at their last bar. Undefined when there is not
 * enough history for any timeframe. Hourly bars, if any, come from
 * `options.intraday[series.ticker]`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seriesFromRows } from "../data/bars.ts";
 * import { scanAsset } from "./scanner.ts";
 *
 * // A quiet oscillation around 100: no trend.
 * const bars = seriesFromRows("FLAT", "1d", Array.from({ length: 300 }, (_, i) => {
 *   const close = 100 + 2 * Math.sin(i);
 *   return {
 *     time: (18_000 + i) * 86_400_000, open: close, high: close + 1.5, low: close - 1.5,
 *     close, adjClose: close, volume: 1e6,
 *   };
 * }));
 * const result = scanAsset(bars, { timeframes: { "1d": 1 } });
 * assert.equal(result?.condition, "ranging");
 * assert.equal(result?.timeframe, "1d");
 * ```
 */
export function scanAsset(
  series: BarSeries,
  options: ScannerOptions = {},
): ScanResult | undefined {
  if (series.interval !== "1d") {
    throw new RangeError(
      `Cannot scan ${series.ticker} as its interval must be 1d: current value is ${series.interval}`,
    );
  }
  const n = series.time.length;
  if (n === 0) return undefined;
  const source = {
    tickers: [series.ticker],
    days: seriesDays(series),
    column: (field: "open" | "high" | "low" | "close" | "adjClose" | "volume") => series[field],
  };
  return new ScanHistory(source, options).resultAt(0, n - 1);
}
