/**
 * The trading days of loaded market data, without building a Panel, and the
 * market as it stood at the close of a day. A plan builds one Panel a day; on
 * a store of years of prices the Panel is its largest allocation, so the plan
 * builds it once, from series cut at the plan's day (views, not copies).
 *
 * @module
 */
import { sliceSeries } from "../data/bars.ts";
import { formatIsoDay, parseIsoDay } from "../data/dates.ts";
import type { MarketData } from "../data/load_market.ts";

const MS_PER_DAY = 86_400_000;

/** Number of bars of a sorted time column before `ms`. */
function _before(time: Float64Array, ms: number): number {
  let lo = 0, hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((time[mid] as number) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first and last trading day of the data (ISO). */
export function marketRange(market: MarketData): { first: string; last: string } {
  let first = Infinity, last = -Infinity;
  for (const s of market.series) {
    if (s.time.length === 0) continue;
    first = Math.min(first, s.time[0] as number);
    last = Math.max(last, s.time[s.time.length - 1] as number);
  }
  return {
    first: formatIsoDay(Math.floor(first / MS_PER_DAY)),
    last: formatIsoDay(Math.floor(last / MS_PER_DAY)),
  };
}

/** Whether any series has a bar on `date` (ISO): a day of the data's calendar. */
export function isMarketDay(market: MarketData, date: string): boolean {
  const day = parseIsoDay(date);
  if (Number.isNaN(day)) return false;
  const from = day * MS_PER_DAY, to = from + MS_PER_DAY;
  return market.series.some((s) => {
    const i = _before(s.time, from);
    return i < s.time.length && (s.time[i] as number) < to;
  });
}

/**
 * The market as known at the close of `date`: every series cut after that day
 * (sharing memory with `market`). Tickers stay, even those with no bar yet, so
 * the Panel built from it is `panel.truncate(t)` of the whole data's Panel.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMarket } from "../data/load_market.ts";
 * import { isMarketDay, marketRange, marketThrough } from "./market_days.ts";
 *
 * const market = await loadMarket({ source: "fixtures", store: "", fixturesDir: new URL("../../fixtures/", import.meta.url), tickers: ["SPY", "PYPL"] });
 * const cut = marketThrough(market, "2013-06-28");
 * assert.deepEqual(marketRange(cut), { first: "2011-01-03", last: "2013-06-28" });
 * assert.equal(cut.series.length, 2); // PYPL (listed 2015) stays, without bars
 * assert.equal(isMarketDay(market, "2013-06-29"), false); // a Saturday
 * ```
 */
export function marketThrough(market: MarketData, date: string): MarketData {
  const end = (parseIsoDay(date) + 1) * MS_PER_DAY;
  return {
    ...market,
    series: market.series.map((s) => sliceSeries(s, 0, _before(s.time, end))),
  };
}
