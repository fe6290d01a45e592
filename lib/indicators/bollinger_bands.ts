/**
 * Bollinger Bands: a moving average with bands a multiple of the standard
 * deviation away.
 *
 * @module
 */
import { _checkPeriod, _checkPositive, _nanArray } from "./_checks.ts";

/** Options for {@link bollingerBands}. */
export type BollingerOptions = {
  /** Window in valid bars. Default 20. */
  readonly period?: number;
  /** Band distance in standard deviations. Default 2. */
  readonly stdDev?: number;
};

/** Defaults of {@link BollingerOptions}. */
export const BOLLINGER_DEFAULTS = { period: 20, stdDev: 2 } as const;

/** The lines of {@link bollingerBands}, each as long as the input. */
export type BollingerLines = {
  /** SMA over the window. */
  readonly middle: Float64Array;
  /** middle + stdDev * sigma. */
  readonly upper: Float64Array;
  /** middle - stdDev * sigma. */
  readonly lower: Float64Array;
  /** Bandwidth: (upper - lower) / middle, a fraction of the price. */
  readonly width: Float64Array;
  /** %b: (value - lower) / (upper - lower); above 1 over the upper band, below 0 under the lower. */
  readonly percentB: Float64Array;
};

/**
 * Bollinger Bands over the last `period` valid values. Sigma is the population
 * standard deviation (divided by `period`), as in Bollinger's definition,
 * technicalindicators and backtrader. Where the bands collapse (sigma 0), %b is
 * 0.5. First value at the `period`-th valid bar.
 *
 * Design decision: running sums of `x - K`, where the shift `K` is reset to the
 * window's mean and the sums recomputed each time the window has been replaced,
 * so that the variance does not lose digits to cancellation on high prices.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bollingerBands } from "./bollinger_bands.ts";
 *
 * // Window 2, 4: mean 3, sigma 1 => bands 1 and 5; %b of 4 is (4 - 1) / 4.
 * const out = bollingerBands(Float64Array.from([2, 4]), { period: 2, stdDev: 2 });
 * assert.deepEqual([out.middle[1], out.upper[1], out.lower[1]], [3, 5, 1]);
 * assert.equal(out.width[1], 4 / 3);
 * assert.equal(out.percentB[1], 0.75);
 * ```
 */
export function bollingerBands(
  values: Float64Array,
  options: BollingerOptions = {},
): BollingerLines {
  const period = options.period ?? BOLLINGER_DEFAULTS.period;
  const k = options.stdDev ?? BOLLINGER_DEFAULTS.stdDev;
  _checkPeriod("bollingerBands", "period", period);
  _checkPositive("bollingerBands", "stdDev", k);
  const n = values.length;
  const middle = _nanArray(n), upper = _nanArray(n), lower = _nanArray(n);
  const width = _nanArray(n), percentB = _nanArray(n);
  const ring = new Float64Array(period);
  const inv = 1 / period;
  let pos = 0, count = 0, shift = 0, s1 = 0, s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x !== x) continue;
    if (count === 0) shift = x;
    if (count === period) {
      const old = (ring[pos] as number) - shift;
      s1 -= old;
      s2 -= old * old;
    } else count++;
    ring[pos] = x;
    const d = x - shift;
    s1 += d;
    s2 += d * d;
    if (++pos === period) {
      pos = 0;
      if (count === period) {
        shift += s1 / period;
        s1 = 0, s2 = 0;
        for (let j = 0; j < period; j++) {
          const e = (ring[j] as number) - shift;
          s1 += e;
          s2 += e * e;
        }
      }
    }
    if (count < period) continue;
    const m = s1 * inv;
    const variance = s2 * inv - m * m;
    const band = variance > 0 ? k * Math.sqrt(variance) : 0;
    const mid = shift + m, lo = mid - band;
    middle[i] = mid;
    upper[i] = mid + band;
    lower[i] = lo;
    width[i] = (2 * band) / mid;
    percentB[i] = band > 0 ? (x - lo) / (2 * band) : 0.5;
  }
  return { middle, upper, lower, width, percentB };
}
