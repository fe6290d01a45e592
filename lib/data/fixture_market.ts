/**
 * The seeded fixture market: from a seed and a spec, a multi-asset daily market
 * with growth/inflation regime episodes that move prices, their labels, the
 * universe with its buckets, corporate actions, hourly bars for a few tickers
 * and quarterly fundamentals for the stocks. Pure: no I/O, no clock, no
 * `Math.random`; the same spec gives the same numbers. `fixture_files.ts` turns
 * the result into the committed files under `fixtures/`.
 *
 * @example A small market: two tickers over one year
 * ```ts
 * import assert from "node:assert/strict";
 * import { FIXTURE_TICKERS, generateFixtureMarket } from "./fixture_market.ts";
 *
 * const market = generateFixtureMarket({
 *   seed: 7,
 *   from: "2019-01-02",
 *   to: "2019-12-31",
 *   tickers: FIXTURE_TICKERS.filter((t) => t.ticker === "SPY" || t.ticker === "TLT"),
 *   intraday: { tickers: ["SPY"], days: 5 },
 * });
 * assert.deepEqual(market.series.map((s) => s.ticker), ["SPY", "TLT"]);
 * assert.equal(market.series[0]?.time.length, market.days.length);
 * assert.equal(market.intraday[0]?.time.length, 5 * 7);
 * assert.equal(market.regimes.dates.length, market.days.length);
 * ```
 *
 * @module
 */
import type { BarSeries } from "./bars.ts";
import { formatIsoDay } from "./dates.ts";
import { createRandom } from "./random.ts";
import type {
  FixtureAction,
  FundamentalRow,
  RegimeLabels,
  Universe,
  UniverseEntry,
} from "./fixture_types.ts";
import { tradingDays } from "./fixture_calendar.ts";
import {
  DEFAULT_EPISODE_BOUNDS,
  drawRegimeEpisodes,
  type EpisodeBounds,
  type RegimeEpisode,
} from "./fixture_regimes.ts";
import { drawMarketFactors, simulateDailyBars } from "./fixture_prices.ts";
import { simulateHourlyBars } from "./fixture_intraday.ts";
import { simulateFundamentals } from "./fixture_fundamentals.ts";
import { BENCHMARK_TICKER, FIXTURE_TICKERS, type FixtureTicker } from "./fixture_universe.ts";

export { BENCHMARK_TICKER, FIXTURE_TICKERS, type FixtureTicker };

/** What to generate. */
export type FixtureSpec = {
  readonly seed: number;
  /** First calendar date (ISO). */
  readonly from: string;
  /** Last calendar date (ISO). */
  readonly to: string;
  readonly tickers: readonly FixtureTicker[];
  readonly episodes: EpisodeBounds;
  /** Tickers with hourly bars, over the last `days` trading days. */
  readonly intraday: { readonly tickers: readonly string[]; readonly days: number };
};

/** The committed fixtures' spec: seed 42, 2011-01-03 .. 2020-12-31, 42 tickers, SPY/QQQ/TLT hourly over 250 days. */
export const DEFAULT_FIXTURE_SPEC: FixtureSpec = {
  seed: 42,
  from: "2011-01-03",
  to: "2020-12-31",
  tickers: FIXTURE_TICKERS,
  episodes: DEFAULT_EPISODE_BOUNDS,
  intraday: { tickers: ["SPY", "QQQ", "TLT"], days: 250 },
};

/** The generated market, in memory. */
export type FixtureMarket = {
  readonly spec: FixtureSpec;
  /** The trading calendar (day numbers). */
  readonly days: Int32Array;
  readonly episodes: readonly RegimeEpisode[];
  readonly regimes: RegimeLabels;
  /** Daily bars in ticker order. */
  readonly series: readonly BarSeries[];
  /** Dividends and splits, by ticker order then date. */
  readonly actions: readonly FixtureAction[];
  readonly universe: Universe;
  readonly intraday: readonly BarSeries[];
  readonly fundamentals: readonly FundamentalRow[];
};

/** Generates the fixture market for `spec` (missing fields from {@link DEFAULT_FIXTURE_SPEC}). */
export function generateFixtureMarket(overrides: Partial<FixtureSpec> = {}): FixtureMarket {
  const spec: FixtureSpec = { ...DEFAULT_FIXTURE_SPEC, ...overrides };
  const days = tradingDays(spec.from, spec.to);
  const episodes = drawRegimeEpisodes(
    createRandom(spec.seed, "regimes"),
    days.length,
    spec.episodes,
  );
  const factors = drawMarketFactors(createRandom(spec.seed, "factors"), episodes, days.length);
  const regimes = _labels(days, episodes);
  const series: BarSeries[] = [],
    actions: FixtureAction[] = [],
    fundamentals: FundamentalRow[] = [];
  const universe: Record<string, UniverseEntry> = {};
  for (const ticker of spec.tickers) {
    const sim = simulateDailyBars(
      ticker,
      days,
      factors,
      createRandom(spec.seed, `daily:${ticker.ticker}`),
    );
    series.push(sim.series);
    actions.push(...sim.actions);
    universe[ticker.ticker] = {
      assetClass: ticker.assetClass,
      name: ticker.name,
      kind: ticker.kind,
      buckets: ticker.buckets,
      benchmark: ticker.ticker === BENCHMARK_TICKER,
      firstDate: formatIsoDay((sim.series.time[0] ?? 0) / 86_400_000),
    };
    if (ticker.kind === "stock") {
      const random = createRandom(spec.seed, `fundamentals:${ticker.ticker}`);
      fundamentals.push(
        ...simulateFundamentals(ticker, sim.series, days, factors.growthSign, random),
      );
    }
  }
  const intraday = spec.intraday.tickers.flatMap((name) => {
    const daily = series.find((s) => s.ticker === name);
    if (daily === undefined) return [];
    const random = createRandom(spec.seed, `hourly:${name}`);
    return [simulateHourlyBars(daily, daily.time.length - spec.intraday.days, random)];
  });
  return { spec, days, episodes, regimes, series, actions, universe, intraday, fundamentals };
}

function _labels(days: Int32Array, episodes: readonly RegimeEpisode[]): RegimeLabels {
  const dates: string[] = [], growth: RegimeLabels["growth"][number][] = [];
  const inflation: RegimeLabels["inflation"][number][] = [],
    regime: RegimeLabels["regime"][number][] = [];
  for (const e of episodes) {
    for (let t = e.start; t < e.start + e.length; t++) {
      dates.push(formatIsoDay(days[t] as number));
      growth.push(e.growth);
      inflation.push(e.inflation);
      regime.push(e.regime);
    }
  }
  return { dates, growth, inflation, regime };
}
