/**
 * The loaded market in shared memory, for the sweep's workers: every price
 * column is copied once into a `SharedArrayBuffer`, so posting the market to a
 * worker hands it the same bytes instead of a copy (the workers read prices,
 * never write them). The fixture market's extras (its labels, hourly bars),
 * which no run reads, stay behind.
 *
 * @module
 */
import type { BarSeries } from "../data/bars.ts";
import { BAR_FIELDS } from "../data/bars.ts";
import type { MarketData } from "../data/load_market.ts";

/**
 * `market` with its price columns in shared memory (what a run reads of it).
 *
 * @example The columns are shared, the values the same
 * ```ts
 * import assert from "node:assert/strict";
 * import { seriesFromRows } from "../data/bars.ts";
 * import { sharedMarket } from "./shared_market.ts";
 *
 * const series = seriesFromRows("SPY", "1d", [
 *   { time: 0, open: 1, high: 2, low: 0.5, close: 1.5, adjClose: 1.5, volume: 10 },
 * ]);
 * const market = sharedMarket({ series: [series], splits: {}, source: "test", dataHash: "h" });
 * assert.ok(market.series[0]?.close.buffer instanceof SharedArrayBuffer);
 * assert.deepEqual(Array.from(market.series[0]?.close ?? []), [1.5]);
 * ```
 */
export function sharedMarket(market: MarketData): MarketData {
  return {
    series: market.series.map(_sharedSeries),
    splits: market.splits,
    source: market.source,
    dataHash: market.dataHash,
    ...(market.fundamentals ? { fundamentals: market.fundamentals } : {}),
  };
}

function _sharedSeries(series: BarSeries): BarSeries {
  const n = series.time.length;
  const fields = ["time", ...BAR_FIELDS] as const;
  const buffer = new SharedArrayBuffer(n * 8 * fields.length);
  const columns = Object.fromEntries(fields.map((field, i) => {
    const column = new Float64Array(buffer, i * n * 8, n);
    column.set(series[field]);
    return [field, column];
  })) as Record<typeof fields[number], Float64Array>;
  return { ticker: series.ticker, interval: series.interval, ...columns };
}
