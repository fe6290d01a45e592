/**
 * Return and risk-adjusted return of one value series: total return, CAGR,
 * annual volatility, Sharpe and Sortino ratios. The conventions are those of
 * `conventions.ts`: daily simple returns, mean x 252, sample stdev x sqrt(252).
 *
 * @module
 */

import type { Conventions } from "./conventions.ts";
import { finiteOrNull, mean, NEGLIGIBLE_STDEV, sampleStdev } from "./statistics.ts";

/** Days in the average calendar year (ffn's `year_frac`: 31,557,600 seconds). */
export const DAYS_PER_YEAR = 365.25;

/** `last / first - 1` of the values. */
export function totalReturn(values: ArrayLike<number>): number {
  return (values[values.length - 1] ?? NaN) / (values[0] ?? NaN) - 1;
}

/**
 * Compound annual growth rate on calendar time:
 * `(last / first)^(365.25 / days) - 1`, where `days` is the calendar days from
 * the first to the last date (ffn's `calc_cagr`). Null when no day has passed.
 */
export function cagr(values: ArrayLike<number>, calendarDays: number): number | null {
  if (!(calendarDays > 0)) return null;
  const growth = (values[values.length - 1] ?? NaN) / (values[0] ?? NaN);
  return finiteOrNull(Math.pow(growth, DAYS_PER_YEAR / calendarDays) - 1);
}

/**
 * Annual volatility: sample standard deviation (n - 1) of the daily returns
 * times `sqrt(periodsPerYear)` (empyrical `annual_volatility`). Null below two returns.
 */
export function annualVolatility(returns: Float64Array, periodsPerYear: number): number | null {
  return finiteOrNull(sampleStdev(returns) * Math.sqrt(periodsPerYear));
}

/**
 * Sharpe ratio: `mean(r - rf) / stdev(r - rf) * sqrt(periodsPerYear)`, with the
 * daily risk-free rate `rf`, sample stdev (n - 1); empyrical's `sharpe_ratio`.
 * Null below two returns or when the stdev is zero (a flat curve).
 */
export function sharpeRatio(returns: Float64Array, conventions: Conventions): number | null {
  const stdev = sampleStdev(returns);
  if (!(stdev > NEGLIGIBLE_STDEV)) return null;
  const excess = mean(returns) - conventions.periodRiskFree;
  return finiteOrNull(excess / stdev * Math.sqrt(conventions.periodsPerYear));
}

/**
 * Sortino ratio: `mean(r - rf) * P / DD`, where the downside deviation
 * `DD = sqrt(mean over ALL days of min(r - rf, 0)^2) * sqrt(P)` — the target
 * semi-deviation of Sortino & Price (1994) with the daily risk-free rate as the
 * target and the full count of days as divisor, as empyrical's `downside_risk`
 * and `sortino_ratio` compute it (not the stdev of the negative days alone).
 * Null below two returns or when no day fell short of the target.
 */
export function sortinoRatio(returns: Float64Array, conventions: Conventions): number | null {
  const n = returns.length;
  if (n < 2) return null;
  const target = conventions.periodRiskFree;
  let sumExcess = 0, sumShortfall = 0;
  for (let i = 0; i < n; i++) {
    const excess = (returns[i] ?? NaN) - target;
    sumExcess += excess;
    if (excess < 0) sumShortfall += excess * excess;
  }
  const periods = conventions.periodsPerYear;
  const downside = Math.sqrt(sumShortfall / n) * Math.sqrt(periods);
  if (!(downside > NEGLIGIBLE_STDEV)) return null;
  return finiteOrNull((sumExcess / n) * periods / downside);
}
