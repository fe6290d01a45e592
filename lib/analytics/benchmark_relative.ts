/**
 * A return series against a benchmark's on the same days: beta, Jensen's
 * alpha, tracking error and information ratio.
 *
 * @module
 */

import type { Conventions } from "./conventions.ts";
import {
  finiteOrNull,
  mean,
  NEGLIGIBLE_STDEV,
  sampleCovariance,
  sampleStdev,
} from "./statistics.ts";

/** Beta, alpha, tracking error and information ratio against a benchmark. */
export type RelativeMetrics = {
  /** cov(r, b) / var(b). */
  readonly beta: number | null;
  /** Jensen's alpha, annualised: `(mean(r - rf) - beta * mean(b - rf)) * P`. */
  readonly alpha: number | null;
  /** stdev(r - b) * sqrt(P). */
  readonly trackingError: number | null;
  /** mean(r - b) * P / trackingError. */
  readonly informationRatio: number | null;
};

/**
 * Relative metrics of daily returns `r` against benchmark daily returns `b`
 * (same length, same days), daily risk-free rate `rf`, `P` periods a year.
 *
 * - beta: `cov(r, b) / var(b)`, both sample (n - 1), as quantstats' `greeks` and
 *   empyrical's `beta` (excess returns over a constant rf give the same beta).
 * - alpha: Jensen's, `mean(r - rf) - beta * mean(b - rf)` a day, annualised
 *   arithmetically (x P) like the other means here and quantstats' `greeks`
 *   (empyrical compounds instead: `(1 + daily)^P - 1`).
 * - information ratio: annualised mean active return over tracking error,
 *   `mean(r - b) * P / (stdev(r - b) * sqrt(P))` (sample stdev); empyrical's
 *   `excess_sharpe` times sqrt(P).
 *
 * Null below two returns, for beta and alpha when the benchmark does not move,
 * for the information ratio when the tracking error is zero.
 */
export function relativeMetrics(
  returns: Float64Array,
  benchmarkReturns: Float64Array,
  conventions: Conventions,
): RelativeMetrics {
  const { periodsPerYear: periods, periodRiskFree: rf } = conventions;
  const benchmarkStdev = sampleStdev(benchmarkReturns);
  const beta = benchmarkStdev > NEGLIGIBLE_STDEV
    ? finiteOrNull(
      sampleCovariance(returns, benchmarkReturns) /
        sampleCovariance(benchmarkReturns, benchmarkReturns),
    )
    : null;
  const alpha = beta === null
    ? null
    : finiteOrNull(((mean(returns) - rf) - beta * (mean(benchmarkReturns) - rf)) * periods);
  const active = new Float64Array(returns.length);
  for (let i = 0; i < active.length; i++) {
    active[i] = (returns[i] ?? NaN) - (benchmarkReturns[i] ?? NaN);
  }
  const activeStdev = sampleStdev(active);
  const trackingError = finiteOrNull(activeStdev * Math.sqrt(periods));
  const informationRatio = activeStdev > NEGLIGIBLE_STDEV
    ? finiteOrNull(mean(active) / activeStdev * Math.sqrt(periods))
    : null;
  return { beta, alpha, trackingError, informationRatio };
}
