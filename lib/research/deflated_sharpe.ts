/**
 * The deflated Sharpe ratio (DSR): the probabilistic Sharpe ratio of the best
 * of N trials, measured against the Sharpe ratio the best of N would show by
 * luck alone, so that a grid search does not pass off its luckiest run as skill.
 *
 * With N independent trials whose per-period Sharpe ratios have variance
 * V[{SR_n}], γ ≈ 0.5772 the Euler-Mascheroni constant, e Euler's number and Φ⁻¹
 * the standard normal quantile, the expected maximum Sharpe ratio when every
 * trial's true Sharpe ratio is zero is (eq. 1 of the paper)
 *
 *     SR0 = sqrt(V[{SR_n}]) · ((1 - γ)·Φ⁻¹(1 - 1/N) + γ·Φ⁻¹(1 - 1/(N·e)))
 *
 * and the deflated Sharpe ratio of the selected trial, with observed Sharpe
 * ratio SR over T returns of skewness γ3 and kurtosis γ4, is (eq. 2)
 *
 *     DSR = PSR(SR0) = Φ((SR - SR0) · sqrt(T - 1) / sqrt(1 - γ3·SR + (γ4 - 1)/4 · SR²))
 *
 * Sharpe ratios are per period (an annualised ratio over sqrt(periods a year));
 * the variance of annualised ratios is divided by the periods a year.
 * One trial has no selection to correct for: SR0 = 0 and DSR = PSR(0).
 *
 * @see David H. Bailey and Marcos López de Prado, "The Deflated Sharpe Ratio:
 * Correcting for Selection Bias, Backtest Overfitting and Non-Normality",
 * Journal of Portfolio Management 40(5), 2014, pp. 94-107, eq. 1 and 2 and the
 * numerical example; https://papers.ssrn.com/sol3/papers.cfm?abstract_id=2460551
 * @module
 */

import { sampleStdev } from "../analytics/statistics.ts";
import { normalQuantile } from "./distribution.ts";
import { probabilisticSharpeRatio } from "./probabilistic_sharpe.ts";
import type { SharpeSample } from "./sharpe_sample.ts";

/**
 * The Euler-Mascheroni constant γ.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { EULER_MASCHERONI } from "./mod.ts";
 *
 * assert.equal(EULER_MASCHERONI.toFixed(6), "0.577216");
 * ```
 */
export const EULER_MASCHERONI = 0.5772156649015329;

/**
 * SR0, the expected maximum per-period Sharpe ratio of `trials` independent
 * trials with true Sharpe ratio zero whose estimated Sharpe ratios have
 * variance `sharpeVariance` (eq. 1, in the module doc). 0 for one trial.
 *
 * @example The paper's numerical example: 100 trials, annualised variance 1/2, 250 days a year
 * ```ts
 * import assert from "node:assert/strict";
 * import { expectedMaximumSharpe } from "./mod.ts";
 *
 * const sr0 = expectedMaximumSharpe({ trials: 100, sharpeVariance: 0.5 / 250 });
 * assert.equal(sr0.toFixed(4), "0.1132"); // the paper's SR0
 * ```
 */
export function expectedMaximumSharpe(
  input: { readonly trials: number; readonly sharpeVariance: number },
): number {
  const { trials, sharpeVariance } = input;
  if (!(Number.isInteger(trials) && trials >= 1)) {
    throw new RangeError(
      `Cannot compute the expected maximum Sharpe ratio as trials must be a whole number >= 1: current value is ${trials}`,
    );
  }
  if (!(Number.isFinite(sharpeVariance) && sharpeVariance >= 0)) {
    throw new RangeError(
      `Cannot compute the expected maximum Sharpe ratio as sharpeVariance must be a finite number >= 0: current value is ${sharpeVariance}`,
    );
  }
  if (trials === 1) return 0;
  const gamma = EULER_MASCHERONI;
  return Math.sqrt(sharpeVariance) *
    ((1 - gamma) * normalQuantile(1 - 1 / trials) +
      gamma * normalQuantile(1 - 1 / (trials * Math.E)));
}

/**
 * What the deflated Sharpe ratio reads: the selected trial's track record and
 * the number and spread of all trials.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { DeflatedSharpeInput } from "./mod.ts";
 *
 * const input: DeflatedSharpeInput = {
 *   sharpe: 0.1, observations: 1000, skewness: 0, kurtosis: 3, trials: 20, sharpeVariance: 0.001,
 * };
 * assert.equal(input.trials, 20);
 * ```
 */
export type DeflatedSharpeInput = SharpeSample & {
  /** Number of independent trials N (the configurations searched). */
  readonly trials: number;
  /** Variance of the trials' per-period Sharpe ratios, V[{SR_n}]. */
  readonly sharpeVariance: number;
};

/**
 * The deflated Sharpe ratio and the benchmark it was measured against.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type DeflatedSharpe, deflatedSharpeRatio } from "./mod.ts";
 *
 * const dsr: DeflatedSharpe = deflatedSharpeRatio({
 *   sharpe: 0.1, observations: 1000, skewness: 0, kurtosis: 3, trials: 1, sharpeVariance: 0,
 * });
 * assert.equal(dsr.expectedMaximumSharpe, 0);
 * ```
 */
export type DeflatedSharpe = {
  /** DSR: the probability that the selected trial's true Sharpe ratio beats luck (0..1). */
  readonly probability: number;
  /** SR0, per period. */
  readonly expectedMaximumSharpe: number;
};

/**
 * DSR = PSR(SR0), by eq. 1 and 2 of the paper (in the module doc).
 *
 * @example The paper's numerical example
 * ```ts
 * import assert from "node:assert/strict";
 * import { deflatedSharpeRatio } from "./mod.ts";
 *
 * // 100 trials with annualised Sharpe ratios of variance 1/2; the best has an annualised
 * // Sharpe ratio of 2.5 over five years of daily returns (250 a year), skewness -3, kurtosis 10.
 * const dsr = deflatedSharpeRatio({
 *   sharpe: 2.5 / Math.sqrt(250),
 *   observations: 1250,
 *   skewness: -3,
 *   kurtosis: 10,
 *   trials: 100,
 *   sharpeVariance: 0.5 / 250,
 * });
 * assert.equal(dsr.probability.toFixed(4), "0.9004"); // the paper's DSR
 * ```
 */
export function deflatedSharpeRatio(input: DeflatedSharpeInput): DeflatedSharpe {
  const expectedMaximum = expectedMaximumSharpe(input);
  return {
    probability: probabilisticSharpeRatio({ ...input, benchmarkSharpe: expectedMaximum }),
    expectedMaximumSharpe: expectedMaximum,
  };
}

/**
 * The sample variance (divisor N - 1) of the trials' Sharpe ratios, skipping
 * undefined ones (null or NaN: a trial that never varied); 0 for fewer than
 * two defined ratios.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sharpeVarianceOf } from "./mod.ts";
 *
 * // By hand: mean 0.2, squared deviations 0.01 + 0.01, over 2 - 1.
 * assert.ok(Math.abs(sharpeVarianceOf([0.1, 0.3, null]) - 0.02) < 1e-15);
 * ```
 */
export function sharpeVarianceOf(sharpes: readonly (number | null)[]): number {
  const defined = sharpes.filter((s): s is number => s !== null && Number.isFinite(s));
  return defined.length < 2 ? 0 : sampleStdev(defined) ** 2;
}
