/**
 * Average directional index with the directional indicators +DI and -DI
 * (Wilder, 1978).
 *
 * @module
 */
import { _checkPeriod, _checkSameLength, _nanArray } from "./_checks.ts";
import { _trueRange } from "./true_range.ts";
import type { HighLowClose } from "./types.ts";

/** Options for {@link adx}. */
export type AdxOptions = {
  /** Smoothing period of the true range, the directional movements and DX. Default 14. */
  readonly period?: number;
};

/** Defaults of {@link AdxOptions}. */
export const ADX_DEFAULTS = { period: 14 } as const;

/** The lines of {@link adx}, each as long as the input. */
export type AdxLines = {
  /** Trend strength, 0-100, whatever the direction. */
  readonly adx: Float64Array;
  /** +DI, 0-100: the share of the true range made of upward movement. */
  readonly plusDi: Float64Array;
  /** -DI, 0-100: the share made of downward movement. */
  readonly minusDi: Float64Array;
};

/**
 * ADX, +DI and -DI.
 *
 * - `up = high - prevHigh`, `down = prevLow - low` (previous valid bar);
 *   `+DM = up` if `up > down` and `up > 0`, else 0; `-DM` likewise.
 * - TR, +DM and -DM are smoothed by Wilder's rule, seeded with their mean over
 *   the first `period` bars: `+DI = 100 * +DM~ / TR~`, `-DI = 100 * -DM~ / TR~`
 *   (first at the `(period + 1)`-th valid bar).
 * - `DX = 100 * |+DI - -DI| / (+DI + -DI)` (0 when both are 0); `ADX` is DX
 *   smoothed by Wilder's rule, seeded with the mean of the first `period` DX values
 *   (first at the `2 * period`-th valid bar, index 27 by default).
 *
 * This is backtrader's DirectionalMovement and technicalindicators' ADX (the latter
 * seeds with sums rather than means, which cancels in the ratios).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { adx } from "./adx.ts";
 *
 * // A steady climb: every bar moves up only, so +DI = 100 * 1 / 1.5, -DI = 0, ADX = 100.
 * const close = Float64Array.from({ length: 30 }, (_, i) => 100 + i);
 * const high = close.map((c) => c + 0.5), low = close.map((c) => c - 0.5);
 * const out = adx({ high, low, close }, { period: 5 });
 * assert.ok(Number.isNaN(out.adx[8]));
 * assert.equal(out.adx[9], 100);
 * assert.ok(Math.abs((out.plusDi[29] as number) - 200 / 3) < 1e-9);
 * assert.equal(out.minusDi[29], 0);
 * ```
 */
export function adx(bars: HighLowClose, options: AdxOptions = {}): AdxLines {
  const period = options.period ?? ADX_DEFAULTS.period;
  _checkPeriod("adx", "period", period);
  const { high, low, close } = bars;
  _checkSameLength("adx", { high, low, close });
  const n = close.length;
  const adxOut = _nanArray(n), plusOut = _nanArray(n), minusOut = _nanArray(n);
  const keep = (period - 1) / period, inv = 1 / period;
  let prevHigh = NaN, prevLow = NaN, prevClose = NaN;
  let count = 0, tr = 0, pdm = 0, mdm = 0, dxCount = 0, dxAvg = 0;
  for (let i = 0; i < n; i++) {
    const h = high[i] as number, l = low[i] as number, c = close[i] as number;
    if (h !== h || l !== l || c !== c) continue;
    if (prevClose !== prevClose) {
      prevHigh = h, prevLow = l, prevClose = c;
      continue;
    }
    const up = h - prevHigh, down = prevLow - l;
    const p = up > down && up > 0 ? up : 0, m = down > up && down > 0 ? down : 0;
    const r = _trueRange(h, l, prevClose);
    prevHigh = h, prevLow = l, prevClose = c;
    if (count < period) {
      tr += r, pdm += p, mdm += m;
      if (++count < period) continue;
      tr *= inv, pdm *= inv, mdm *= inv;
    } else {
      tr = tr * keep + r * inv, pdm = pdm * keep + p * inv, mdm = mdm * keep + m * inv;
    }
    const pdi = tr > 0 ? 100 * pdm / tr : 0, mdi = tr > 0 ? 100 * mdm / tr : 0;
    plusOut[i] = pdi;
    minusOut[i] = mdi;
    const sum = pdi + mdi;
    const dx = sum > 0 ? 100 * Math.abs(pdi - mdi) / sum : 0;
    if (dxCount < period) {
      dxAvg += dx;
      if (++dxCount < period) continue;
      dxAvg *= inv;
    } else {
      dxAvg = dxAvg * keep + dx * inv;
    }
    adxOut[i] = dxAvg;
  }
  return { adx: adxOut, plusDi: plusOut, minusDi: minusOut };
}
