/**
 * Realised volatility: the annualised standard deviation of log returns.
 *
 * @module
 */
import { _checkPeriod, _checkPositive, _nanArray } from "./_checks.ts";

/** Options for {@link realizedVolatility}. */
export type RealizedVolatilityOptions = {
  /** Number of returns in the window (at least 2). Default 20. */
  readonly period?: number;
  /** Bars per year, for annualising: 252 daily, 52 weekly, 12 monthly. Default 252. */
  readonly periodsPerYear?: number;
};

/** Defaults of {@link RealizedVolatilityOptions}. */
export const REALIZED_VOLATILITY_DEFAULTS = { period: 20, periodsPerYear: 252 } as const;

/**
 * `sqrt(periodsPerYear) * stdev(ln(x / xPrev))` over the last `period` returns
 * between consecutive valid values; the sample standard deviation (divided by
 * `period - 1`). First value at the `(period + 1)`-th valid bar. A value that is
 * not positive has no logarithm and is treated like a missing one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { realizedVolatility } from "./realized_volatility.ts";
 *
 * // Returns +ln 2 and -ln 2: mean 0, sample variance 2 (ln 2)^2.
 * const out = realizedVolatility(Float64Array.from([1, 2, 1]), { period: 2, periodsPerYear: 1 });
 * assert.ok(Math.abs((out[2] as number) - Math.SQRT2 * Math.LN2) < 1e-12);
 * ```
 */
export function realizedVolatility(
  values: Float64Array,
  options: RealizedVolatilityOptions = {},
): Float64Array {
  const period = options.period ?? REALIZED_VOLATILITY_DEFAULTS.period;
  const perYear = options.periodsPerYear ?? REALIZED_VOLATILITY_DEFAULTS.periodsPerYear;
  _checkPeriod("realizedVolatility", "period", period, 2);
  _checkPositive("realizedVolatility", "periodsPerYear", perYear);
  const n = values.length;
  const out = _nanArray(n);
  const ring = new Float64Array(period);
  const scale = perYear / (period - 1);
  let prev = NaN, pos = 0, count = 0, s1 = 0, s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (!(x > 0)) continue;
    if (prev !== prev) {
      prev = x;
      continue;
    }
    const r = _logRatio(x, prev);
    prev = x;
    if (count === period) {
      const old = ring[pos] as number;
      s1 -= old;
      s2 -= old * old;
    } else count++;
    ring[pos] = r;
    s1 += r;
    s2 += r * r;
    if (++pos === period) {
      pos = 0;
      if (count === period) {
        s1 = 0, s2 = 0;
        for (let j = 0; j < period; j++) {
          const e = ring[j] as number;
          s1 += e;
          s2 += e * e;
        }
      }
    }
    if (count < period) continue;
    const sumSquares = s2 - s1 * s1 / period;
    out[i] = sumSquares > 0 ? Math.sqrt(sumSquares * scale) : 0;
  }
  return out;
}

/**
 * `ln(x / prev)`. Design decision: for moves under about 10% (|z| < 0.05) it sums
 * the series `ln(x / prev) = 2 (z + z^3/3 + ... + z^11/11)` with
 * `z = (x - prev) / (x + prev)`, whose first omitted term is below 2e-17 of the
 * result, because `Math.log` was the cost of this indicator (3x the rest).
 */
function _logRatio(x: number, prev: number): number {
  const z = (x - prev) / (x + prev);
  if (z > 0.05 || z < -0.05) return Math.log(x / prev);
  const z2 = z * z;
  return 2 * z * (1 + z2 * (1 / 3 + z2 * (1 / 5 + z2 * (1 / 7 + z2 * (1 / 9 + z2 / 11)))));
}
