/**
 * Small numeric kernels over typed-array ranges: mean, standard deviations,
 * and the guard that turns an undefined ratio into `null`.
 *
 * Design decision: standard deviations are computed in two passes over the
 * range (mean first, then squared deviations) rather than from running sums
 * of x and x², because the latter leave rounding residue of about 1e-9 on a
 * flat window after a volatile one, which would turn "no risk" into a huge
 * Sharpe ratio instead of `null`.
 *
 * @module
 */

/**
 * A standard deviation of daily returns at or below this counts as zero.
 * Constant non-zero returns (a cash account earning interest) come out of
 * `v[t] / v[t-1] - 1` with rounding noise near 1e-16, not exactly equal;
 * real daily return series have deviations above 1e-5.
 */
export const NEGLIGIBLE_STDEV = 1e-12;

/** Arithmetic mean of `x[from..to)`; NaN for an empty range. */
export function mean(x: ArrayLike<number>, from = 0, to = x.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += x[i] ?? NaN;
  return sum / (to - from);
}

/** Sample standard deviation (divisor n - 1) of `x[from..to)`; NaN below two entries. */
export function sampleStdev(x: ArrayLike<number>, from = 0, to = x.length): number {
  const n = to - from;
  if (n < 2) return NaN;
  return Math.sqrt(_sumSquaredDeviations(x, from, to) / (n - 1));
}

/** Population standard deviation (divisor n) of `x[from..to)`; NaN for an empty range. */
export function populationStdev(x: ArrayLike<number>, from = 0, to = x.length): number {
  const n = to - from;
  if (n < 1) return NaN;
  return Math.sqrt(_sumSquaredDeviations(x, from, to) / n);
}

/** Sample covariance (divisor n - 1) of two equally long arrays; NaN below two entries. */
export function sampleCovariance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2 || y.length !== n) return NaN;
  const mx = mean(x), my = mean(y);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += ((x[i] ?? NaN) - mx) * ((y[i] ?? NaN) - my);
  return sum / (n - 1);
}

/** `numerator / denominator`, or null when the denominator is negligible or the result not finite. */
export function ratioOrNull(numerator: number, denominator: number): number | null {
  if (!(Math.abs(denominator) > NEGLIGIBLE_STDEV)) return null;
  return finiteOrNull(numerator / denominator);
}

/**
 * The number itself when finite, else null (JSON has no NaN or Infinity).
 * -0 becomes 0: JSON writes both as `0`, so a result keeps equal to its round trip.
 */
export function finiteOrNull(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  return x === 0 ? 0 : x;
}

function _sumSquaredDeviations(x: ArrayLike<number>, from: number, to: number): number {
  const m = mean(x, from, to);
  let sum = 0;
  for (let i = from; i < to; i++) {
    const d = (x[i] ?? NaN) - m;
    sum += d * d;
  }
  return sum;
}
