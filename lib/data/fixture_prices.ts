/**
 * Daily bars of one fixture instrument: the shared factor shocks, the asset's
 * own return model, its dividends and split, rounded prices and a Yahoo-style
 * back-adjusted close.
 *
 * Design decision: raw prices are rounded to cents (like US quotes) as they are
 * drawn, and every later quantity (the next day's open, dividends, Adj Close) is
 * computed from the rounded numbers, so the written files satisfy the OHLC and
 * adjustment rules exactly rather than up to a rounding error.
 *
 * @module
 */
import { type BarRow, type BarSeries, seriesFromRows } from "./bars.ts";
import { formatIsoDay, msOfDay, parseIsoDay, yearMonthOfDay } from "./dates.ts";
import type { Random } from "./random.ts";
import type { FixtureAction } from "./fixture_types.ts";
import type { RegimeEpisode } from "./fixture_regimes.ts";
import { nthWeekdayOfMonth } from "./fixture_calendar.ts";
import {
  CLASS_MODELS,
  FACTOR_VOLS,
  type FixtureTicker,
  STOCK_EXTRA_IDIOSYNCRATIC_VOL,
} from "./fixture_universe.ts";

/** Decimals of raw prices (Open, High, Low, Close). */
export const PRICE_DECIMALS = 2;
/** Decimals of Adj Close. */
export const ADJUSTED_DECIMALS = 6;
/** Decimals of a cash dividend. */
export const DIVIDEND_DECIMALS = 4;

const TRADING_DAYS_PER_YEAR = 252;

/** `x` rounded to `decimals` places (half up, as `Math.round`). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** Shared daily shocks and the regime's signs (+1 up, -1 down), by day index. */
export type MarketFactors = {
  readonly market: Float64Array;
  readonly growth: Float64Array;
  readonly inflation: Float64Array;
  readonly growthSign: Int8Array;
  readonly inflationSign: Int8Array;
};

/** Draws the shared factor shocks for `dayCount` days under the given regime episodes. */
export function drawMarketFactors(
  random: Random,
  episodes: readonly RegimeEpisode[],
  dayCount: number,
): MarketFactors {
  const f = {
    market: new Float64Array(dayCount),
    growth: new Float64Array(dayCount),
    inflation: new Float64Array(dayCount),
    growthSign: new Int8Array(dayCount),
    inflationSign: new Int8Array(dayCount),
  };
  for (const e of episodes) {
    for (let t = e.start; t < e.start + e.length && t < dayCount; t++) {
      f.growthSign[t] = e.growth === "up" ? 1 : -1;
      f.inflationSign[t] = e.inflation === "up" ? 1 : -1;
    }
  }
  for (let t = 0; t < dayCount; t++) {
    const marketVol = f.growthSign[t] === 1 ? FACTOR_VOLS.marketCalm : FACTOR_VOLS.marketStressed;
    f.market[t] = marketVol * random.normal();
    f.growth[t] = FACTOR_VOLS.growth * random.normal();
    f.inflation[t] = FACTOR_VOLS.inflation * random.normal();
  }
  return f;
}

/** One instrument's simulated daily bars and its corporate actions. */
export type SimulatedTicker = {
  readonly series: BarSeries;
  readonly actions: readonly FixtureAction[];
};

/** Simulates one instrument over the calendar `days` (see {@link CLASS_MODELS} for the model). */
export function simulateDailyBars(
  spec: FixtureTicker,
  days: Int32Array,
  factors: MarketFactors,
  random: Random,
): SimulatedTicker {
  const model = CLASS_MODELS[spec.assetClass];
  const idio = Math.hypot(
    model.idiosyncraticVol,
    spec.kind === "stock" ? STOCK_EXTRA_IDIOSYNCRATIC_VOL : 0,
  );
  const sigma = spec.scale * Math.hypot(
    model.marketLoading * FACTOR_VOLS.marketCalm,
    model.growthLoading * FACTOR_VOLS.growth,
    model.inflationLoading * FACTOR_VOLS.inflation,
    idio,
  );
  const first = spec.listFrom === undefined ? 0 : _indexOnOrAfter(days, parseIsoDay(spec.listFrom));
  const dividendDays = _dividendIndexes(spec, days, first);
  const splitIndex = spec.split === undefined
    ? -1
    : _indexOnOrAfter(days, parseIsoDay(spec.split.date));
  const rows: (BarRow & { dividend: number; split: number })[] = [];
  let prev = spec.startPrice, shares = 1;
  for (let t = first; t < days.length; t++) {
    const g = factors.growthSign[t] as number, i = factors.inflationSign[t] as number;
    const drift =
      (model.drift + spec.alpha + spec.scale * (model.growthTilt * g + model.inflationTilt * i)) /
      TRADING_DAYS_PER_YEAR;
    const shock = spec.scale * (model.marketLoading * (factors.market[t] as number) +
      model.growthLoading * (factors.growth[t] as number) +
      model.inflationLoading * (factors.inflation[t] as number) + idio * random.normal());
    const dividend = t > first && dividendDays.has(t) && spec.dividend !== null
      ? roundTo(prev * spec.dividend.yield / _paymentsPerYear(spec), DIVIDEND_DECIMALS)
      : 0;
    const split = t === splitIndex && spec.split !== undefined ? spec.split.ratio : 1;
    shares *= split;
    const reference = (prev - dividend) / split;
    const close = t === first
      ? _cents(prev)
      : _cents((prev * Math.exp(drift + shock) - dividend) / split);
    const open = _cents(reference * Math.exp(0.3 * sigma * random.normal()));
    const high = Math.max(
      _cents(Math.max(open, close) * Math.exp(0.5 * sigma * Math.abs(random.normal()))),
      open,
      close,
    );
    const low = Math.min(
      _cents(Math.min(open, close) * Math.exp(-0.5 * sigma * Math.abs(random.normal()))),
      open,
      close,
    );
    const activity = 0.6 + 0.5 * Math.abs(drift + shock) / sigma;
    const volume = Math.max(
      1,
      Math.round(spec.averageVolume * shares * Math.exp(0.3 * random.normal() - 0.045) * activity),
    );
    rows.push({
      time: msOfDay(days[t] as number),
      open,
      high,
      low,
      close,
      adjClose: close,
      volume,
      dividend,
      split,
    });
    prev = close;
  }
  const kept = _dropMissingDays(rows, spec.missingDays ?? 0, random);
  const adjusted = _backAdjust(kept);
  const actions = kept.filter((r) => r.dividend > 0 || r.split !== 1).map((r) => ({
    ticker: spec.ticker,
    date: formatIsoDay(r.time / 86_400_000),
    dividend: r.dividend,
    split: r.split,
  }));
  return {
    series: seriesFromRows(
      spec.ticker,
      "1d",
      kept.map((r, k) => ({ ...r, adjClose: adjusted[k] as number })),
    ),
    actions,
  };
}

const _cents = (x: number): number => Math.max(0.01, roundTo(x, PRICE_DECIMALS));

/**
 * Yahoo's back adjustment: Adj Close equals Close on the last row and, on every row,
 * AdjClose_t / AdjClose_(t-1) = (Close_t * Split_t + Dividend_t) / Close_(t-1).
 */
function _backAdjust(
  rows: readonly { close: number; dividend: number; split: number }[],
): number[] {
  const out = new Array<number>(rows.length);
  let factor = 1; // Adj Close / Close on row k
  for (let k = rows.length - 1; k >= 0; k--) {
    const row = rows[k] as (typeof rows)[number];
    out[k] = roundTo(row.close * factor, ADJUSTED_DECIMALS);
    factor *= row.close / (row.close * row.split + row.dividend);
  }
  return out;
}

/** Removes `count` rows at random, away from the edges and from corporate-action days and their eves. */
function _dropMissingDays<T extends { dividend: number; split: number }>(
  rows: readonly T[],
  count: number,
  random: Random,
): T[] {
  if (count === 0) return [...rows];
  const blocked = (k: number) => {
    const here = rows[k], next = rows[k + 1];
    return here === undefined || next === undefined || here.dividend > 0 || here.split !== 1 ||
      next.dividend > 0 || next.split !== 1;
  };
  const drop = new Set<number>();
  while (drop.size < count) {
    const k = random.int(20, rows.length - 21);
    if (!blocked(k) && !drop.has(k - 1) && !drop.has(k + 1)) drop.add(k);
  }
  return rows.filter((_, k) => !drop.has(k));
}

function _paymentsPerYear(spec: FixtureTicker): number {
  return spec.dividend?.frequency === "monthly" ? 12 : 4;
}

/**
 * Ex-dividend day indexes: monthly payers on the first trading day of each month; quarterly
 * funds on the third Friday of Mar/Jun/Sep/Dec; quarterly stocks on the 10th of Feb/May/Aug/Nov
 * (each moved to the next trading day when the market is closed).
 */
function _dividendIndexes(spec: FixtureTicker, days: Int32Array, first: number): Set<number> {
  const out = new Set<number>();
  if (spec.dividend === null || days.length === 0) return out;
  const start = yearMonthOfDay(days[0] as number),
    end = yearMonthOfDay(days[days.length - 1] as number);
  for (let y = start.year; y <= end.year; y++) {
    for (let month = 1; month <= 12; month++) {
      let target: number;
      if (spec.dividend.frequency === "monthly") target = Date.UTC(y, month - 1, 1) / 86_400_000;
      else if (spec.kind === "etf" && month % 3 === 0) target = nthWeekdayOfMonth(y, month, 5, 3);
      else if (spec.kind === "stock" && month % 3 === 2) {
        target = Date.UTC(y, month - 1, 10) / 86_400_000;
      } else continue;
      const t = _indexOnOrAfter(days, target);
      if (t > first && t < days.length) out.add(t);
    }
  }
  return out;
}

/** Index of the first day >= `day` in an ascending calendar (its length when none). */
function _indexOnOrAfter(days: Int32Array, day: number): number {
  let lo = 0, hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
