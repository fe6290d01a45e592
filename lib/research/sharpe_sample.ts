/**
 * The inputs of the probabilistic and deflated Sharpe ratios, measured on a
 * series of returns: the per-period (not annualised) Sharpe ratio, the number
 * of returns, and the skewness and kurtosis of the returns.
 *
 * The Sharpe ratio follows the project's convention (lib/analytics/conventions.ts):
 * `(mean(r) - rf) / stdev(r)` with the sample standard deviation and the
 * per-period risk-free rate `(1 + riskFreeRate)^(1 / periodsPerYear) - 1`, so
 * it is the annualised `Metrics.sharpe` divided by `sqrt(periodsPerYear)`.
 * Skewness and kurtosis are the population moment ratios (kurtosis 3 for a
 * normal distribution), as in López de Prado's reference code.
 *
 * @module
 */

import { resolveConventions } from "../analytics/conventions.ts";
import { mean, NEGLIGIBLE_STDEV, sampleStdev } from "../analytics/statistics.ts";
import { kurtosis, skewness } from "./distribution.ts";

/**
 * What the Sharpe-ratio statistics need to know of a track record.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { SharpeSample } from "./mod.ts";
 *
 * // A normal track record of 1,250 daily returns with an annual Sharpe of 2.5 (250 days a year).
 * const sample: SharpeSample = {
 *   sharpe: 2.5 / Math.sqrt(250),
 *   observations: 1250,
 *   skewness: 0,
 *   kurtosis: 3,
 * };
 * assert.ok(sample.sharpe > 0.15);
 * ```
 */
export type SharpeSample = {
  /** Sharpe ratio per period (not annualised). */
  readonly sharpe: number;
  /** Number of returns T (at least 2). */
  readonly observations: number;
  /** Skewness γ3 of the returns (0 when normal). */
  readonly skewness: number;
  /** Kurtosis γ4 of the returns (3 when normal; not the excess kurtosis). */
  readonly kurtosis: number;
};

/**
 * Measures a {@link SharpeSample} on per-period returns. Throws `RangeError`
 * below two returns, on a non-finite return, or when the returns do not vary
 * (their Sharpe ratio is undefined).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sharpeSampleOf } from "./mod.ts";
 *
 * const sample = sharpeSampleOf([0.01, -0.01, 0.02, 0]);
 * // By hand: mean 0.005, sample stdev sqrt(0.0005 / 3), symmetric around the mean.
 * assert.ok(Math.abs(sample.sharpe - 0.005 / Math.sqrt(0.0005 / 3)) < 1e-12);
 * assert.ok(Math.abs(sample.skewness) < 1e-12);
 * assert.equal(sample.observations, 4);
 * ```
 */
export function sharpeSampleOf(
  returns: ArrayLike<number>,
  options: { readonly riskFreeRate?: number; readonly periodsPerYear?: number } = {},
): SharpeSample {
  const conventions = resolveConventions(options, "measure a Sharpe sample");
  const n = returns.length;
  if (n < 2) {
    throw new RangeError(
      `Cannot measure a Sharpe sample as it needs at least 2 returns: current count is ${n}`,
    );
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(returns[i])) {
      throw new RangeError(
        `Cannot measure a Sharpe sample as returns[${i}] must be finite: current value is ${
          returns[i]
        }`,
      );
    }
  }
  const stdev = sampleStdev(returns);
  if (!(stdev > NEGLIGIBLE_STDEV)) {
    throw new RangeError(
      "Cannot measure a Sharpe sample as the returns do not vary: the Sharpe ratio is undefined",
    );
  }
  return {
    sharpe: (mean(returns) - conventions.periodRiskFree) / stdev,
    observations: n,
    skewness: skewness(returns),
    kurtosis: kurtosis(returns),
  };
}
