/**
 * Quarterly fundamentals of the fixture stocks, tied to their synthetic prices
 * and to the growth regime: revenue grows faster and margins widen when growth
 * is up. Each report is filed 30-45 days after its period ends (moved off
 * weekends) and counts only from its filing date.
 *
 * Design decision: revenue and earnings live in arbitrary units scaled once so
 * that the first reported P/E and P/B match the stock's profile; after that
 * P/E = market cap / trailing earnings and P/B = market cap / book equity, with
 * the market cap from the raw close at period end times the split-adjusted share
 * count, so the ratios stay consistent with the price file.
 *
 * @module
 */
import type { BarSeries } from "./bars.ts";
import { dayOfMs, formatIsoDay, parseIsoDay, weekdayOfDay } from "./dates.ts";
import type { Random } from "./random.ts";
import type { FundamentalRow } from "./fixture_types.ts";
import type { FixtureTicker } from "./fixture_universe.ts";
import { roundTo } from "./fixture_prices.ts";

/** What a stock's reports look like on average. */
export type FundamentalProfile = {
  readonly pe: number;
  readonly pb: number;
  readonly margin: number;
  /** Annual revenue growth, as a fraction. */
  readonly revenueGrowth: number;
  readonly debtToEquity: number;
  /** Share of earnings paid out (the rest adds to book equity). */
  readonly payout: number;
  /** How strongly revenue growth follows the growth regime (1 = average). */
  readonly cyclicality: number;
};

const p = (
  pe: number,
  pb: number,
  margin: number,
  revenueGrowth: number,
  debtToEquity: number,
  payout: number,
  cyclicality: number,
): FundamentalProfile => ({ pe, pb, margin, revenueGrowth, debtToEquity, payout, cyclicality });

/** Profiles of the fixture stocks (loosely shaped on their real 2011 figures). */
export const FUNDAMENTAL_PROFILES: Readonly<Record<string, FundamentalProfile>> = {
  AAPL: p(15, 5, 0.22, 0.15, 0.3, 0.25, 1),
  MSFT: p(12, 4, 0.28, 0.1, 0.4, 0.35, 0.8),
  NVDA: p(25, 4, 0.15, 0.2, 0.2, 0.05, 1.5),
  AMZN: p(80, 10, 0.03, 0.25, 0.6, 0, 1.2),
  PYPL: p(35, 4.5, 0.14, 0.17, 0.1, 0, 1),
  JNJ: p(15, 3.5, 0.2, 0.04, 0.4, 0.5, 0.3),
  PG: p(18, 3, 0.16, 0.02, 0.5, 0.6, 0.3),
  KO: p(19, 5, 0.21, 0.03, 0.9, 0.7, 0.4),
  JPM: p(10, 1, 0.22, 0.04, 1.6, 0.3, 1.5),
  CAT: p(16, 3.5, 0.09, 0.05, 1.8, 0.35, 2.2),
  XOM: p(11, 2.2, 0.09, 0.02, 0.2, 0.45, 1.8),
};

/** Quarterly reports of one stock whose filings fall inside its price history. */
export function simulateFundamentals(
  spec: FixtureTicker,
  daily: BarSeries,
  calendar: Int32Array,
  growthSign: Int8Array,
  random: Random,
): FundamentalRow[] {
  const profile = FUNDAMENTAL_PROFILES[spec.ticker];
  const n = daily.time.length;
  if (profile === undefined || n === 0) return [];
  const firstDay = dayOfMs(daily.time[0] as number), lastDay = dayOfMs(daily.time[n - 1] as number);
  const ends = _quarterEnds(firstDay, lastDay);
  const growthAt = (day: number) =>
    growthSign[Math.max(0, _lastIndexOnOrBefore(calendar, day))] as number;
  const revenue: number[] = [], income: number[] = [];
  let r = 1, margin = profile.margin;
  const quarters = ends.length + 4; // four warm-up quarters for trailing and year-over-year figures
  for (let q = 0; q < quarters; q++) {
    const g = growthAt(ends[Math.max(0, q - 4)] as number);
    r *= Math.exp(
      profile.revenueGrowth / 4 + 0.015 * profile.cyclicality * g + 0.02 * random.normal(),
    );
    margin += 0.25 * (profile.margin * (1 + 0.1 * g) - margin) +
      0.08 * profile.margin * random.normal();
    margin = Math.max(0.2 * profile.margin, margin);
    revenue.push(r);
    income.push(r * margin);
  }
  const rows: FundamentalRow[] = [];
  let scale = NaN, book = NaN, debtToEquity = profile.debtToEquity;
  ends.forEach((end, k) => {
    const q = k + 4;
    const trailing = (xs: number[]) => xs.slice(q - 3, q + 1).reduce((a, b) => a + b, 0);
    const cap = _marketCap(daily, spec, end);
    if (Number.isNaN(scale)) {
      scale = cap / (profile.pe * trailing(income));
      book = cap / profile.pb;
    } else {
      book += (income[q] as number) * scale * (1 - profile.payout);
    }
    debtToEquity = Math.max(
      0,
      debtToEquity + 0.15 * (profile.debtToEquity - debtToEquity) +
        0.04 * profile.debtToEquity * random.normal(),
    );
    const filing = _offWeekend(end + random.int(30, 45));
    if (filing > lastDay) return;
    rows.push({
      ticker: spec.ticker,
      periodEnd: formatIsoDay(end),
      filingDate: formatIsoDay(filing),
      pe: roundTo(cap / (trailing(income) * scale), 2),
      pb: roundTo(cap / book, 2),
      roe: roundTo((trailing(income) * scale) / book, 4),
      debtToEquity: roundTo(debtToEquity, 2),
      profitMargin: roundTo(trailing(income) / trailing(revenue), 4),
      revenueGrowth: roundTo((revenue[q] as number) / (revenue[q - 4] as number) - 1, 4),
      epsGrowth: roundTo((income[q] as number) / (income[q - 4] as number) - 1, 4),
    });
  });
  return rows;
}

/** Calendar quarter ends (day numbers) in [firstDay, lastDay]. */
function _quarterEnds(firstDay: number, lastDay: number): number[] {
  const out: number[] = [];
  const startYear = new Date(firstDay * 86_400_000).getUTCFullYear();
  const endYear = new Date(lastDay * 86_400_000).getUTCFullYear();
  for (let y = startYear; y <= endYear; y++) {
    for (const month of [3, 6, 9, 12]) {
      const end = Date.UTC(y, month, 0) / 86_400_000;
      if (end >= firstDay && end <= lastDay) out.push(end);
    }
  }
  return out;
}

/** Raw close on the last bar at or before `day`, times the shares per original share. */
function _marketCap(daily: BarSeries, spec: FixtureTicker, day: number): number {
  let k = daily.time.length - 1;
  while (k > 0 && dayOfMs(daily.time[k] as number) > day) k--;
  const splitDay = spec.split === undefined ? Infinity : parseIsoDay(spec.split.date);
  const shares = spec.split !== undefined && day >= splitDay ? spec.split.ratio : 1;
  return (daily.close[k] as number) * shares;
}

function _offWeekend(day: number): number {
  const wd = weekdayOfDay(day);
  return wd === 6 ? day + 2 : wd === 0 ? day + 1 : day;
}

function _lastIndexOnOrBefore(days: Int32Array, day: number): number {
  let lo = 0, hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as number) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
