/**
 * The standard normal distribution and the higher moments of a sample, from
 * jStat (npm `jstat`), typed for this project.
 *
 * Design decision: jStat rather than simple-statistics or hand-written code.
 * simple-statistics reads its normal CDF from a table rounded to two decimals
 * (Φ(1.6449) comes out 0.9495) and its probit is off in the third decimal, too
 * coarse for a probability near 0.9 that users compare across runs; jStat's
 * `normal.cdf` and `normal.inv` agree with the Cephes-based @stdlib ports to
 * about 1e-14 over [-8, 8] and 1e-10..1 - 1e-6, without @stdlib's tree of
 * dozens of packages. jStat's `skewness` and `kurtosis` are the population
 * (biased) moment ratios, the same as scipy.stats' defaults that López de
 * Prado's reference code uses. jStat ships no type declarations, so this file
 * is the one place that gives it types.
 *
 * @see https://github.com/jstat/jstat
 * @module
 */

import jStatModule from "jstat";

type JStat = {
  readonly normal: {
    readonly cdf: (x: number, mean: number, std: number) => number;
    readonly inv: (p: number, mean: number, std: number) => number;
  };
  readonly skewness: (values: ArrayLike<number>) => number;
  readonly kurtosis: (values: ArrayLike<number>) => number;
};

const { jStat } = jStatModule as unknown as { readonly jStat: JStat };

/** Φ(x), the cumulative distribution function of the standard normal distribution. */
export function normalCdf(x: number): number {
  return jStat.normal.cdf(x, 0, 1);
}

/** Φ⁻¹(p), the quantile of the standard normal distribution, for p in (0, 1). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    throw new RangeError(
      `Cannot take a normal quantile as p must be in (0, 1): current value is ${p}`,
    );
  }
  return jStat.normal.inv(p, 0, 1);
}

/** Population skewness m3 / m2^1.5 (0 for a normal distribution); NaN for a constant sample. */
export function skewness(values: ArrayLike<number>): number {
  return jStat.skewness(values);
}

/**
 * Population kurtosis m4 / m2² (3 for a normal distribution: NOT the excess
 * kurtosis, which jStat returns); NaN for a constant sample.
 */
export function kurtosis(values: ArrayLike<number>): number {
  return jStat.kurtosis(values) + 3;
}
