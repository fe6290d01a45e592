/**
 * The probabilistic Sharpe ratio (PSR): the probability that a track
 * record's true Sharpe ratio exceeds a benchmark, given how long the record
 * is and how far its returns are from normal.
 *
 * With SR the observed per-period Sharpe ratio, SR* the benchmark, T the
 * number of returns, γ3 their skewness and γ4 their kurtosis:
 *
 *     σ(SR) = sqrt((1 - γ3·SR + (γ4 - 1)/4 · SR²) / (T - 1))
 *     PSR(SR*) = Φ((SR - SR*) / σ(SR))
 *
 * σ(SR) is the standard error of the estimated Sharpe ratio under non-normal
 * i.i.d. returns (Mertens 2002, as used by the paper). The radicand is never
 * negative: any distribution has γ4 >= 1 + γ3², which makes the quadratic's
 * discriminant γ3² - (γ4 - 1) non-positive.
 *
 * @see David H. Bailey and Marcos López de Prado, "The Sharpe Ratio Efficient
 * Frontier", Journal of Risk 15(2), 2012, section 3 "Probabilistic Sharpe Ratio";
 * https://papers.ssrn.com/sol3/papers.cfm?abstract_id=1821643
 * @module
 */

import { normalCdf } from "./distribution.ts";
import type { SharpeSample } from "./sharpe_sample.ts";

/**
 * σ(SR), the standard error of a per-period Sharpe ratio estimated on `T`
 * returns with skewness γ3 and kurtosis γ4 (formula in the module doc).
 * Throws `RangeError` on fewer than 2 observations or moments no
 * distribution has (γ4 < 1 + γ3², where the radicand could go negative).
 *
 * @example A normal track record: sqrt((1 + SR²/2) / (T - 1))
 * ```ts
 * import assert from "node:assert/strict";
 * import { sharpeStandardError } from "./mod.ts";
 *
 * const se = sharpeStandardError({ sharpe: 0.1, observations: 101, skewness: 0, kurtosis: 3 });
 * assert.ok(Math.abs(se - Math.sqrt(1.005 / 100)) < 1e-15);
 * ```
 */
export function sharpeStandardError(sample: SharpeSample): number {
  const { sharpe, observations, skewness, kurtosis } = sample;
  if (!(Number.isInteger(observations) && observations >= 2)) {
    throw new RangeError(
      `Cannot compute a Sharpe ratio's standard error as observations must be a whole number >= 2: current value is ${observations}`,
    );
  }
  if (!Number.isFinite(sharpe)) {
    throw new RangeError(
      `Cannot compute a Sharpe ratio's standard error as sharpe must be finite: current value is ${sharpe}`,
    );
  }
  if (!(Number.isFinite(skewness) && kurtosis >= 1 + skewness * skewness - 1e-9)) {
    throw new RangeError(
      `Cannot compute a Sharpe ratio's standard error as kurtosis must be at least 1 + skewness² (no distribution has less): current values are skewness ${skewness}, kurtosis ${kurtosis}`,
    );
  }
  const radicand = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
  return Math.sqrt(Math.max(0, radicand) / (observations - 1));
}

/**
 * PSR(SR*): the probability that the true Sharpe ratio exceeds
 * `benchmarkSharpe` (per period, default 0), by the formula in the module doc.
 *
 * @example Worked example: an annual Sharpe of 2.5 over 1,250 days, skewness -3, kurtosis 10
 * ```ts
 * import assert from "node:assert/strict";
 * import { probabilisticSharpeRatio } from "./mod.ts";
 *
 * // By hand: SR = 2.5 / sqrt(250) = 0.158114; radicand = 1 + 3 x 0.158114 + 9/4 x 0.025 = 1.530592;
 * // z = 0.158114 x sqrt(1249) / sqrt(1.530592) = 4.516651; Φ(z) = 0.9999969.
 * const psr = probabilisticSharpeRatio({
 *   sharpe: 2.5 / Math.sqrt(250),
 *   observations: 1250,
 *   skewness: -3,
 *   kurtosis: 10,
 * });
 * assert.ok(Math.abs(psr - 0.9999969) < 1e-7);
 * ```
 */
export function probabilisticSharpeRatio(
  sample: SharpeSample & { readonly benchmarkSharpe?: number },
): number {
  const benchmark = sample.benchmarkSharpe ?? 0;
  if (!Number.isFinite(benchmark)) {
    throw new RangeError(
      `Cannot compute the probabilistic Sharpe ratio as benchmarkSharpe must be finite: current value is ${benchmark}`,
    );
  }
  const error = sharpeStandardError(sample);
  const difference = sample.sharpe - benchmark;
  if (error === 0) return difference > 0 ? 1 : difference < 0 ? 0 : 0.5;
  return normalCdf(difference / error);
}
