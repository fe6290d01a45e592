/**
 * The "evidence" signal (the default): each axis accumulates the standardised
 * one-bar changes of its proxies in a running sum held within ±bound.
 *
 * Why: the regime is a hidden state that switches now and then, and each bar's
 * change carries a little evidence about it. The log-odds of "up" against "down"
 * of such a two-state switching process (the Wonham filter) grow with every bar
 * by an amount proportional to the bar's change and are capped, because a state
 * that can switch is never certain: old evidence can always be overturned. A
 * bounded cumulative sum is that filter up to scale. The bound sets the memory:
 * after a switch the sum needs about bound / drift bars to cross zero, where drift
 * is the mean standardised change in the new state; a larger bound is steadier
 * and slower. On fixture markets of seeds 1-10 it beat the fixed rate-of-change
 * windows of "momentum" (0.658 of days right against 0.643, at a median lag of 28
 * days against 33); `regime_fixture_accuracy_test.ts` has the committed fixtures' figures.
 *
 * The standardised change of a bar is, with sigma^2 the exponentially weighted
 * variance of the proxy's one-bar changes before this bar, clipped to ±3 so one
 * fat-tailed bar cannot flip an axis by itself:
 * - trend proxies: change / sigma (positive when the spread rises);
 * - volatility proxies: -(change^2 / sigma^2 - 1) / sqrt(2), which has mean 0 and
 *   variance 1 for normal changes, positive when the bar was calmer than usual.
 *
 * Two corrections read the proxy's volatility against its long-run level
 * (`regime_turbulence.ts`; both chosen on real prices 2002-07-30 to 2012-12-31, see
 * docs/research.md):
 * - calm against the long run (`calmAgainstLongRun`): a volatility proxy's bar scores
 *   the lower of its score against the recent and against the long-run variance, so
 *   volatility falling back from a crash is not read as growth while it is still above
 *   its normal level;
 * - turbulence (`turbulenceAxes`, inflation by default): a trend change is scaled down
 *   by the turbulence weight, so a crash and its rebound cannot flip an axis in days.
 *
 * An axis adds the weighted mean of its proxies' changes each bar. On the weekly
 * timeframe the sum moves on completed weeks; between them the unfinished week's
 * trend changes are added provisionally (volatility proxies wait for the week's end).
 *
 * @module
 */
import type { RegimeOptions } from "./regime_options.ts";
import { forEachBar, type ResolvedProxy, RunningVariance } from "./regime_proxies.ts";
import { MIN_VOLATILITY_BARS } from "./regime_momentum.ts";
import { LongRunVariance, turbulenceWeight } from "./regime_turbulence.ts";

/** Standardised changes of one proxy: on completed bars, and of the unfinished week. */
export type ProxyChanges = {
  /** Standardised change of the bar completed on each day (NaN where none completes). */
  readonly completed: Float64Array;
  /** Weekly timeframe: standardised change of the unfinished week so far (NaN daily). */
  readonly unfinished: Float64Array;
};

const CLIP = 3;

/** The standardised changes of a proxy's spread (see the module doc). */
export function proxyChanges(
  proxy: ResolvedProxy,
  level: Float64Array,
  week: Int32Array | null,
  options: RegimeOptions,
): ProxyChanges {
  const n = level.length;
  const completed = new Float64Array(n).fill(NaN), unfinished = new Float64Array(n).fill(NaN);
  const variance = new RunningVariance(options.volatilityHalfLifeBars);
  const longRun = new LongRunVariance(options.longRunHalfLifeBars);
  const damped = proxy.measure === "trend" && options.turbulenceAxes.includes(proxy.axis);
  const recent = damped ? new RunningVariance(options.turbulenceHalfLifeBars) : undefined;
  const calmLongRun = proxy.measure === "volatility" && options.calmAgainstLongRun;
  let previous = NaN, weight = 1;
  forEachBar(level, week, (i, close) => {
    if (Number.isFinite(close)) {
      if (Number.isFinite(previous)) {
        const change = close - previous, v = variance.value(MIN_VOLATILITY_BARS);
        const normal = longRun.value(MIN_VOLATILITY_BARS);
        if (recent) {
          recent.add(change);
          weight = turbulenceWeight(
            recent.value(MIN_VOLATILITY_BARS),
            normal,
            options.turbulenceTolerance,
          );
        }
        if (!Number.isNaN(v)) {
          let z = _standardise(proxy, change, v);
          if (calmLongRun && !Number.isNaN(normal)) {
            z = Math.min(z, _standardise(proxy, change, normal));
          }
          completed[i] = z * weight;
        }
        variance.add(change);
        longRun.add(change);
      }
      previous = close;
    }
    const x = level[i] as number, v = variance.value(MIN_VOLATILITY_BARS);
    if (week !== null && proxy.measure === "trend" && Number.isFinite(previous + x + v)) {
      unfinished[i] = _clip((x - previous) / Math.sqrt(v)) * weight;
    }
  });
  return { completed, unfinished };
}

/**
 * An axis's evidence by day: the running sum of the weighted mean of its proxies'
 * completed changes, held within ±`bound`, plus the unfinished week's changes
 * (also held within ±`bound`). NaN until the first change.
 */
export function accumulateEvidence(
  changes: readonly ProxyChanges[],
  weights: readonly number[],
  bound: number,
): Float64Array {
  const n = changes[0]?.completed.length ?? 0;
  const out = new Float64Array(n).fill(NaN);
  let sum = 0, started = false;
  for (let i = 0; i < n; i++) {
    const step = _weightedMean(changes, weights, i, "completed");
    if (!Number.isNaN(step)) {
      sum = Math.max(-bound, Math.min(bound, sum + step));
      started = true;
    }
    if (!started) continue;
    const pending = _weightedMean(changes, weights, i, "unfinished");
    out[i] = Number.isNaN(pending) ? sum : Math.max(-bound, Math.min(bound, sum + pending));
  }
  return out;
}

function _standardise(proxy: ResolvedProxy, change: number, variance: number): number {
  return proxy.measure === "trend"
    ? _clip(change / Math.sqrt(variance))
    : _clip(-(change * change / variance - 1) / Math.SQRT2);
}

function _clip(x: number): number {
  return Math.max(-CLIP, Math.min(CLIP, x));
}

function _weightedMean(
  changes: readonly ProxyChanges[],
  weights: readonly number[],
  i: number,
  field: keyof ProxyChanges,
): number {
  let sum = 0, total = 0;
  changes.forEach((c, k) => {
    const x = c[field][i] as number;
    if (Number.isNaN(x)) return;
    sum += x * (weights[k] as number);
    total += weights[k] as number;
  });
  return total > 0 ? sum / total : NaN;
}
