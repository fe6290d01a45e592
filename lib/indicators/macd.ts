/**
 * Moving average convergence/divergence (Appel).
 *
 * @module
 */
import { _checkPeriod, _nanArray } from "./_checks.ts";

/** Options for {@link macd}. */
export type MacdOptions = {
  /** Fast EMA period. Default 12. */
  readonly fast?: number;
  /** Slow EMA period (greater than `fast`). Default 26. */
  readonly slow?: number;
  /** Signal EMA period, over the MACD line. Default 9. */
  readonly signal?: number;
};

/** Defaults of {@link MacdOptions}. */
export const MACD_DEFAULTS = { fast: 12, slow: 26, signal: 9 } as const;

/** The lines of {@link macd}, each as long as the input. */
export type MacdLines = {
  /** EMA(fast) - EMA(slow). */
  readonly macd: Float64Array;
  /** EMA(signal) of the MACD line. */
  readonly signal: Float64Array;
  /** MACD line - signal line. */
  readonly histogram: Float64Array;
};

/**
 * MACD line, signal line and histogram. Every EMA is seeded with the simple mean
 * of its first values (as `ema()`), in one pass; the line starts at the `slow`-th valid
 * bar, the signal and histogram at the `(slow + signal - 1)`-th (index 33 by
 * default, as in backtrader's MACDHisto and technicalindicators' MACD with
 * `SimpleMAOscillator: false, SimpleMASignal: false`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { macd } from "./macd.ts";
 *
 * // On a straight line both EMAs lag by (period - 1) / 2 steps: 2 - 1 = 1 apart.
 * const line = Float64Array.from({ length: 12 }, (_, i) => i);
 * const out = macd(line, { fast: 3, slow: 5, signal: 2 });
 * assert.ok(Number.isNaN(out.signal[4]));
 * assert.equal(out.macd[11], 1);
 * assert.equal(out.histogram[11], 0);
 * ```
 */
export function macd(values: Float64Array, options: MacdOptions = {}): MacdLines {
  const fast = options.fast ?? MACD_DEFAULTS.fast;
  const slow = options.slow ?? MACD_DEFAULTS.slow;
  const signalPeriod = options.signal ?? MACD_DEFAULTS.signal;
  _checkPeriod("macd", "fast", fast);
  _checkPeriod("macd", "slow", slow, fast + 1);
  _checkPeriod("macd", "signal", signalPeriod);
  const n = values.length;
  const line = _nanArray(n), signal = _nanArray(n), histogram = _nanArray(n);
  // Three EMAs in one pass, each seeded with the mean of its first values (as ema()).
  const aFast = 2 / (fast + 1), aSlow = 2 / (slow + 1), aSignal = 2 / (signalPeriod + 1);
  let count = 0, sumFast = 0, sumSlow = 0, eFast = 0, eSlow = 0;
  let lines = 0, sumLine = 0, eSignal = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x !== x) continue;
    count++;
    if (count <= fast) {
      sumFast += x;
      if (count === fast) eFast = sumFast / fast;
    } else eFast += aFast * (x - eFast);
    if (count <= slow) {
      sumSlow += x;
      if (count < slow) continue;
      eSlow = sumSlow / slow;
    } else eSlow += aSlow * (x - eSlow);
    const m = eFast - eSlow;
    line[i] = m;
    lines++;
    if (lines <= signalPeriod) {
      sumLine += m;
      if (lines < signalPeriod) continue;
      eSignal = sumLine / signalPeriod;
    } else eSignal += aSignal * (m - eSignal);
    signal[i] = eSignal;
    histogram[i] = m - eSignal;
  }
  return { macd: line, signal, histogram };
}
