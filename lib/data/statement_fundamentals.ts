/**
 * Fundamentals from financial statements: a company's quarterly and annual
 * income-statement and balance-sheet figures, with its daily closes, turned into
 * point-in-time {@link FundamentalRow}s (valuation, quality and growth ratios,
 * each counting from an estimated filing date).
 *
 * ## Filing dates
 *
 * Statements as Yahoo serves them carry their period end but not the day they
 * were filed, so the filing date is estimated as the latest day the SEC allows
 * any registrant: the period end plus 45 days ({@link QUARTER_FILING_LAG_DAYS})
 * for a 10-Q and plus 90 days ({@link ANNUAL_FILING_LAG_DAYS}) for a 10-K, the
 * non-accelerated filers' deadlines (large accelerated filers have 40 and 60
 * days). A figure is thus never used before it could have been known; it is
 * usually used a few weeks late.
 * A quarter that ends a fiscal year (its period end is also an annual period end)
 * is reported in the 10-K, so it takes the annual lag.
 *
 * ## Ratios
 *
 * | field | from |
 * | ----- | ---- |
 * | pe | close on the filing date / trailing-twelve-month diluted EPS (negative for losses) |
 * | pb | close on the filing date / (stockholders' equity / ordinary shares) |
 * | roe | TTM net income / stockholders' equity at period end (NaN when equity <= 0) |
 * | debtToEquity | total debt / stockholders' equity |
 * | profitMargin | TTM net income / TTM revenue |
 * | revenueGrowth, epsGrowth | the quarter over the same quarter a year before, minus 1 (NaN when the earlier value is <= 0) |
 *
 * TTM figures are the sum of the four quarters ending at the period (each 75 to
 * 105 days apart); where they are missing and the quarter ends a fiscal year,
 * the annual figures stand in (for growth too: the year over the year before).
 * An annual report without a matching quarter becomes a row of its own. The close
 * is the last one on or before the filing date, at most
 * {@link MAX_CLOSE_AGE_DAYS} days old; without it PE and PB are NaN. Any figure
 * that cannot be computed is NaN, never a guess.
 *
 * Design decision: per-share figures (EPS, share counts) are as filed, on the
 * share basis of their filing date (a filing restates for splits before it,
 * ASC 260), while the closes are adjusted for every split in `prices.splits`
 * (Yahoo's chart convention). Each per-share figure is therefore divided (shares:
 * multiplied) by the product of the split ratios after its filing date before it
 * meets a close or another period's figure. A split between the real and the
 * estimated filing date is the one case this gets wrong.
 *
 * @see https://www.sec.gov/resources-small-businesses/exchange-act-reporting-registration
 * (Form 10-Q and 10-K deadlines by filer status)
 * @module
 */
import type { BarSeries } from "./bars.ts";
import type { CorporateAction } from "./actions.ts";
import { formatIsoDay, parseIsoDay } from "./dates.ts";
import type { FundamentalRow } from "./fixture_types.ts";

/** Days from a quarter's end to its estimated 10-Q filing (the SEC's latest deadline). */
export const QUARTER_FILING_LAG_DAYS = 45;
/** Days from a fiscal year's end to its estimated 10-K filing (the SEC's latest deadline). */
export const ANNUAL_FILING_LAG_DAYS = 90;
/** Oldest close, in days before the filing date, that PE and PB may use. */
export const MAX_CLOSE_AGE_DAYS = 7;

/** One period's statement figures; NaN where the statement does not give one. */
export type StatementPeriod = {
  /** ISO date of the period's last day. */
  readonly periodEnd: string;
  /** Total revenue over the period. */
  readonly revenue: number;
  /** Net income over the period. */
  readonly netIncome: number;
  /** Diluted earnings per share over the period, as filed. */
  readonly dilutedEps: number;
  /** Stockholders' equity at the period's end. */
  readonly equity: number;
  /** Total debt at the period's end. */
  readonly totalDebt: number;
  /** Ordinary shares outstanding at the period's end, as filed. */
  readonly shares: number;
};

/** A company's quarterly and annual statements, any order. */
export type Statements = {
  readonly quarterly: readonly StatementPeriod[];
  readonly annual: readonly StatementPeriod[];
};

/** Daily closes adjusted for every split in `splits` (Yahoo's chart convention), and the splits. */
export type StatementPrices = {
  readonly series: BarSeries;
  readonly splits: readonly CorporateAction[];
};

const MS_PER_DAY = 86_400_000;

type _Period = StatementPeriod & { readonly day: number; readonly annualReport: boolean };
type _Flows = { readonly revenue: number; readonly netIncome: number; readonly eps: number };

/**
 * The rows of `ticker` from its statements and prices (see the module doc), by
 * period end. Without `prices`, PE and PB are NaN.
 *
 * @example A fiscal-year-end quarter with its four quarters, by hand
 * ```ts
 * import assert from "node:assert/strict";
 * import { seriesFromRows } from "./bars.ts";
 * import { fundamentalRowsFromStatements } from "./statement_fundamentals.ts";
 *
 * const q = (periodEnd: string, revenue: number, netIncome: number, dilutedEps: number) => ({
 *   periodEnd, revenue, netIncome, dilutedEps, equity: 400, totalDebt: 200, shares: 100,
 * });
 * const quarterly = [
 *   q("2022-12-31", 80, 8, 0.2), q("2023-03-31", 100, 10, 0.25), q("2023-06-30", 100, 10, 0.25),
 *   q("2023-09-30", 100, 10, 0.25), q("2023-12-31", 120, 12, 0.5),
 * ];
 * const annual = [q("2023-12-31", 420, 42, 1.25)];
 * const close = { open: 25, high: 25, low: 25, close: 25, adjClose: 25, volume: 1 };
 * const series = seriesFromRows("ACME", "1d", [{ time: Date.UTC(2024, 2, 29), ...close }]);
 * const prices = { series, splits: [] };
 * const rows = fundamentalRowsFromStatements("ACME", { quarterly, annual }, prices);
 * const last = rows[rows.length - 1];
 * assert.equal(last?.filingDate, "2024-03-30"); // a 10-K: 2023-12-31 + 90 days
 * assert.equal(last?.pe, 20); // close 25 of 2024-03-29 over EPS 0.25 + 0.25 + 0.25 + 0.5
 * assert.equal(last?.pb, 6.25); // over book per share 400 / 100
 * assert.equal(last?.roe, 42 / 400); // TTM net income 10 + 10 + 10 + 12 over equity
 * assert.equal(last?.revenueGrowth, 0.5); // 120 over 80 a year before
 * assert.equal(rows[0]?.filingDate, "2023-02-14"); // a 10-Q: 2022-12-31 + 45 days
 * ```
 */
export function fundamentalRowsFromStatements(
  ticker: string,
  statements: Statements,
  prices?: StatementPrices,
): FundamentalRow[] {
  const annualDays = new Set(statements.annual.map((p) => _day(p.periodEnd)));
  const quarters = _periods(statements.quarterly, (day) => annualDays.has(day));
  const years = _periods(statements.annual, () => true);
  const quarterDays = new Set(quarters.map((p) => p.day));
  const factor = _splitFactorAfter(prices?.splits ?? []);
  const eps = (p: _Period) => p.dilutedEps / factor(_filingDay(p));
  const rows: FundamentalRow[] = [];
  quarters.forEach((p, i) => {
    const yearEnd = p.annualReport ? years.find((y) => y.day === p.day) : undefined;
    const window = _lastFour(quarters, i);
    const ttm = window !== undefined
      ? _sum(window, eps)
      : yearEnd === undefined
      ? undefined
      : _flows(yearEnd, eps(yearEnd));
    const quarterAgo = _yearBefore(quarters, p.day);
    const growth = quarterAgo !== undefined
      ? { now: p, before: quarterAgo, eps }
      : yearEnd === undefined
      ? undefined
      : { now: yearEnd, before: _yearBefore(years, p.day), eps };
    rows.push(_row(ticker, p, ttm, growth, prices, factor));
  });
  for (const y of years) {
    if (quarterDays.has(y.day)) continue;
    const growth = { now: y, before: _yearBefore(years, y.day), eps };
    rows.push(_row(ticker, y, _flows(y, eps(y)), growth, prices, factor));
  }
  return rows.sort((a, b) => a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0);
}

function _day(iso: string): number {
  const day = parseIsoDay(iso);
  if (Number.isNaN(day)) {
    throw new RangeError(
      `Cannot build fundamentals as periodEnd must be an ISO date YYYY-MM-DD: current value is ${iso}`,
    );
  }
  return day;
}

/** Periods sorted by day, one per day (the last given wins). */
function _periods(
  list: readonly StatementPeriod[],
  annualReport: (day: number) => boolean,
): _Period[] {
  const byDay = new Map<number, _Period>();
  for (const p of list) {
    const day = _day(p.periodEnd);
    byDay.set(day, { ...p, day, annualReport: annualReport(day) });
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

function _filingDay(p: _Period): number {
  return p.day + (p.annualReport ? ANNUAL_FILING_LAG_DAYS : QUARTER_FILING_LAG_DAYS);
}

/** The product of the split ratios strictly after a day, as a function of the day. */
function _splitFactorAfter(splits: readonly CorporateAction[]): (day: number) => number {
  const real = splits.filter((s) => s.split !== 1);
  return (day) => real.reduce((f, s) => (s.day > day ? f * s.split : f), 1);
}

/** The four quarters ending at index `i`, when each follows the one before by 75 to 105 days. */
function _lastFour(quarters: readonly _Period[], i: number): _Period[] | undefined {
  if (i < 3) return undefined;
  const window = quarters.slice(i - 3, i + 1);
  for (let k = 1; k < window.length; k++) {
    const gap = (window[k]?.day ?? NaN) - (window[k - 1]?.day ?? NaN);
    if (!(gap >= 75 && gap <= 105)) return undefined;
  }
  return window;
}

function _sum(window: readonly _Period[], eps: (p: _Period) => number): _Flows {
  let revenue = 0, netIncome = 0, epsSum = 0;
  for (const p of window) {
    revenue += p.revenue;
    netIncome += p.netIncome;
    epsSum += eps(p);
  }
  return { revenue, netIncome, eps: epsSum };
}

function _flows(p: { readonly revenue: number; readonly netIncome: number }, eps: number): _Flows {
  return { revenue: p.revenue, netIncome: p.netIncome, eps };
}

/** The period ending 350 to 380 days before `day`, if any. */
function _yearBefore(periods: readonly _Period[], day: number): _Period | undefined {
  return periods.find((p) => day - p.day >= 350 && day - p.day <= 380);
}

function _growth(now: number, before: number): number {
  return before > 0 && Number.isFinite(now) ? now / before - 1 : NaN;
}

/** The close on or before `day`, at most {@link MAX_CLOSE_AGE_DAYS} old; NaN otherwise. */
function _closeAt(series: BarSeries | undefined, day: number): number {
  if (series === undefined) return NaN;
  const limit = (day + 1) * MS_PER_DAY;
  let lo = 0, hi = series.time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((series.time[mid] ?? Infinity) < limit) lo = mid + 1;
    else hi = mid;
  }
  const at = lo - 1;
  const barDay = Math.floor((series.time[at] ?? NaN) / MS_PER_DAY);
  return day - barDay <= MAX_CLOSE_AGE_DAYS ? series.close[at] ?? NaN : NaN;
}

type _Growth = {
  readonly now: _Period;
  readonly before: _Period | undefined;
  readonly eps: (p: _Period) => number;
};

function _row(
  ticker: string,
  p: _Period,
  ttm: _Flows | undefined,
  growth: _Growth | undefined,
  prices: StatementPrices | undefined,
  factor: (day: number) => number,
): FundamentalRow {
  const filingDay = _filingDay(p);
  const close = _closeAt(prices?.series, filingDay);
  const equity = p.equity;
  const bookPerShare = p.shares > 0 ? equity / (p.shares * factor(filingDay)) : NaN;
  const ttmEps = ttm?.eps ?? NaN;
  const before = growth?.before;
  return {
    ticker,
    periodEnd: formatIsoDay(p.day),
    filingDate: formatIsoDay(filingDay),
    pe: ttmEps !== 0 ? close / ttmEps : NaN,
    pb: bookPerShare !== 0 ? close / bookPerShare : NaN,
    roe: equity > 0 ? (ttm?.netIncome ?? NaN) / equity : NaN,
    debtToEquity: equity !== 0 ? p.totalDebt / equity : NaN,
    profitMargin: (ttm?.revenue ?? NaN) > 0 ? (ttm?.netIncome ?? NaN) / (ttm?.revenue ?? NaN) : NaN,
    revenueGrowth: growth === undefined || before === undefined
      ? NaN
      : _growth(growth.now.revenue, before.revenue),
    epsGrowth: growth === undefined || before === undefined
      ? NaN
      : _growth(growth.eps(growth.now), growth.eps(before)),
  };
}
