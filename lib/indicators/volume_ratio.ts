/**
 * Volume ratio: a bar's volume against the average of the bars before it.
 *
 * @module
 */
import { _checkPeriod, _nanArray } from "./_checks.ts";

/** Options for {@link volumeRatio}. */
export type VolumeRatioOptions = {
  /** Number of earlier valid bars averaged. Default 20. */
  readonly period?: number;
};

/** Defaults of {@link VolumeRatioOptions}. */
export const VOLUME_RATIO_DEFAULTS = { period: 20 } as const;

/**
 * `volume / mean(volume of the previous period valid bars)`: 2 means twice the
 * usual volume. The average leaves the current bar out, so a volume spike is not
 * diluted by itself. First value at the `(period + 1)`-th valid bar; NaN where the
 * average is 0 (no volume reported, as for indexes).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { volumeRatio } from "./volume_ratio.ts";
 *
 * const out = volumeRatio(Float64Array.from([100, 300, 400, 0]), { period: 2 });
 * assert.deepEqual([...out], [NaN, NaN, 2, 0]);
 * ```
 */
export function volumeRatio(volume: Float64Array, options: VolumeRatioOptions = {}): Float64Array {
  const period = options.period ?? VOLUME_RATIO_DEFAULTS.period;
  _checkPeriod("volumeRatio", "period", period);
  const n = volume.length;
  const out = _nanArray(n);
  const ring = new Float64Array(period);
  let pos = 0, count = 0, sum = 0;
  for (let i = 0; i < n; i++) {
    const v = volume[i] as number;
    if (v !== v) continue;
    if (count === period) {
      if (sum > 0) out[i] = v * period / sum;
      sum -= ring[pos] as number;
    } else count++;
    ring[pos] = v;
    sum += v;
    if (++pos === period) {
      pos = 0;
      if (count === period) {
        sum = 0;
        for (let j = 0; j < period; j++) sum += ring[j] as number;
      }
    }
  }
  return out;
}
