/**
 * The annualisation conventions every metric in this folder shares.
 *
 * - Returns are daily simple returns `v[t] / v[t-1] - 1`.
 * - An annual mean is the daily mean times `periodsPerYear` (default 252);
 *   an annual volatility is the sample standard deviation (n - 1) times
 *   `sqrt(periodsPerYear)` (empyrical's `annual_volatility` and `sharpe_ratio`).
 * - `riskFreeRate` is an annual rate; the daily rate is its geometric
 *   de-annualisation `(1 + riskFreeRate)^(1 / periodsPerYear) - 1`, as ffn's
 *   `deannualize` and quantstats' `to_excess_returns` derive it.
 * - A ratio whose denominator is zero (or a metric that needs more data than
 *   there is) is reported as `null`, never `Infinity` or `NaN`, so that a
 *   result always survives `JSON.stringify` unchanged.
 *
 * @module
 */

/**
 * Options for the annualised metrics.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { AnnualisationOptions } from "./mod.ts";
 *
 * const options: AnnualisationOptions = { riskFreeRate: 0.02, periodsPerYear: 252 };
 * assert.equal(options.periodsPerYear, 252);
 * ```
 */
export type AnnualisationOptions = {
  /** Annual risk-free rate as a fraction (0.02 = 2% a year). Default 0. */
  readonly riskFreeRate?: number;
  /** Return observations per year used to annualise. Default 252 (trading days). */
  readonly periodsPerYear?: number;
};

/** Options resolved and checked, with the per-period risk-free rate derived. */
export type Conventions = {
  readonly riskFreeRate: number;
  readonly periodsPerYear: number;
  /** `(1 + riskFreeRate)^(1 / periodsPerYear) - 1`. */
  readonly periodRiskFree: number;
};

/** Default observations per year: trading days. */
export const TRADING_DAYS_PER_YEAR = 252;

/**
 * Resolves defaults and checks the options; throws `RangeError` on a rate at or
 * below -100% or a non-positive number of periods.
 */
export function resolveConventions(options: AnnualisationOptions, caller: string): Conventions {
  // `+ 0` turns -0 into 0, which is how JSON would give it back.
  const riskFreeRate = (options.riskFreeRate ?? 0) + 0;
  const periodsPerYear = options.periodsPerYear ?? TRADING_DAYS_PER_YEAR;
  if (!(Number.isFinite(riskFreeRate) && riskFreeRate > -1)) {
    throw new RangeError(
      `Cannot ${caller} as riskFreeRate must be a finite number above -1: current value is ${riskFreeRate}`,
    );
  }
  if (!(Number.isFinite(periodsPerYear) && periodsPerYear > 0)) {
    throw new RangeError(
      `Cannot ${caller} as periodsPerYear must be a finite number above 0: current value is ${periodsPerYear}`,
    );
  }
  const periodRiskFree = Math.pow(1 + riskFreeRate, 1 / periodsPerYear) - 1;
  return { riskFreeRate, periodsPerYear, periodRiskFree };
}
