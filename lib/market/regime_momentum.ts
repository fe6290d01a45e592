/**
 * The "momentum" signal of a proxy: its rates of change over fixed windows,
 * normalised by its volatility (the alternative to the default "evidence").
 *
 * For a spread L, the score on a bar is the mean, over the windows w with data, of
 *
 *     z_w = (L_t - L_{t-w}) / (sigma * sqrt(w))
 *
 * where sigma is the exponentially weighted volatility of L's one-bar changes up to t:
 * the move over w bars in standard deviations of a w-bar move (a t-statistic of the
 * drift). A "volatility" proxy scores how much calmer its last w bars were than the
 * long run: -ln(mean squared change / sigma^2) / sqrt(2 / w), sqrt(2 / w) being the
 * standard error of that log for normal changes. On the weekly timeframe the current,
 * unfinished week counts with its latest value. An axis is the weighted mean of its
 * proxies' scores, smoothed by an exponential moving average of span `smoothingBars`.
 *
 * @module
 */
import type { RegimeOptions } from "./regime_options.ts";
import { forEachBar, type ResolvedProxy, RunningVariance } from "./regime_proxies.ts";

/** Fewest one-bar changes before a volatility estimate is used. */
export const MIN_VOLATILITY_BARS = 10;

/** A proxy's momentum score by day (NaN while warming up). */
export function momentumScore(
  proxy: ResolvedProxy,
  level: Float64Array,
  week: Int32Array | null,
  options: RegimeOptions,
): Float64Array {
  const windows = week === null ? proxy.windowsDays : proxy.windowsWeeks;
  const out = new Float64Array(level.length).fill(NaN);
  const variance = new RunningVariance(options.volatilityHalfLifeBars);
  const closes: number[] = [], squares: number[] = [];
  forEachBar(level, week, (i, completed) => {
    if (!Number.isNaN(completed)) {
      const previous = closes[closes.length - 1];
      if (previous !== undefined && Number.isFinite(previous) && Number.isFinite(completed)) {
        variance.add(completed - previous);
        squares.push((completed - previous) ** 2);
      }
      closes.push(completed);
    }
    const x = level[i] as number, v = variance.value(MIN_VOLATILITY_BARS);
    if (!Number.isFinite(x) || Number.isNaN(v)) return;
    // Daily, the current bar is the last close; weekly, the unfinished week after it.
    const current = week === null ? closes.length - 1 : closes.length;
    let sum = 0, count = 0;
    for (const w of windows) {
      const z = proxy.measure === "trend"
        ? _trend(x, closes[current - w], v, w)
        : _calm(squares, w, v);
      if (Number.isNaN(z)) continue;
      sum += z;
      count++;
    }
    if (count > 0) out[i] = sum / count;
  });
  return out;
}

/** Exponential moving average with span `bars` (alpha = 2 / (bars + 1)), restarting after a gap. */
export function smoothSeries(x: Float64Array, bars: number): Float64Array {
  const alpha = 2 / (bars + 1);
  const out = new Float64Array(x.length);
  let ema = NaN;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    ema = !Number.isFinite(v) ? NaN : Number.isFinite(ema) ? ema + alpha * (v - ema) : v;
    out[i] = ema;
  }
  return out;
}

function _trend(x: number, base: number | undefined, variance: number, w: number): number {
  if (base === undefined || !Number.isFinite(base)) return NaN;
  return (x - base) / Math.sqrt(variance * w);
}

function _calm(squares: readonly number[], w: number, variance: number): number {
  if (squares.length < w) return NaN;
  let sum = 0;
  for (let k = squares.length - w; k < squares.length; k++) sum += squares[k] as number;
  return sum > 0 ? -Math.log(sum / w / variance) / Math.sqrt(2 / w) : NaN;
}
