/**
 * The growth and inflation signals of both timeframes: each axis combines its
 * proxies by the method the options name, "evidence" (the default, see
 * `regime_evidence.ts`) or "momentum" (rates of change over fixed windows, see
 * `regime_momentum.ts`). Positive means the axis is up, in units of standardised
 * moves.
 *
 * Design decision: every statistic is a causal recurrence run from the first
 * day, so the value on day t depends on days <= t only and a Panel truncated
 * after t gives bit-identical values up to t.
 *
 * @module
 */
import type { RegimeOptions } from "./regime_options.ts";
import {
  type PriceColumns,
  proxySpread,
  type ResolvedProxy,
  resolveProxies,
  weekNumbers,
} from "./regime_proxies.ts";
import { accumulateEvidence, proxyChanges } from "./regime_evidence.ts";
import { momentumScore, smoothSeries } from "./regime_momentum.ts";

export type { PriceColumns, ResolvedProxy } from "./regime_proxies.ts";

/** The two axis signals of one timeframe, by day (NaN while warming up). */
export type AxisSignals = { readonly growth: Float64Array; readonly inflation: Float64Array };

/** Both timeframes' signals and the proxies they were read from. */
export type RegimeSignals = {
  readonly daily: AxisSignals;
  readonly weekly: AxisSignals;
  readonly proxies: {
    readonly growth: readonly ResolvedProxy[];
    readonly inflation: readonly ResolvedProxy[];
  };
};

/** Computes both timeframes' axis signals for every day of `prices`. */
export function computeRegimeSignals(prices: PriceColumns, options: RegimeOptions): RegimeSignals {
  const proxies = {
    growth: resolveProxies("growth", prices, options),
    inflation: resolveProxies("inflation", prices, options),
  };
  const levels = new Map<ResolvedProxy, Float64Array>();
  for (const p of [...proxies.growth, ...proxies.inflation]) levels.set(p, proxySpread(p, prices));
  const weeks = weekNumbers(prices.days);
  const axis = (list: readonly ResolvedProxy[], weekly: boolean): Float64Array => {
    const week = weekly ? weeks : null;
    const weights = list.map((p) => p.weight);
    const level = (p: ResolvedProxy) => levels.get(p) as Float64Array;
    if (options.method === "evidence") {
      return accumulateEvidence(
        list.map((p) => proxyChanges(p, level(p), week, options)),
        weights,
        options.evidenceBound,
      );
    }
    const scores = list.map((p) => momentumScore(p, level(p), week, options));
    return smoothSeries(_weightedMean(scores, weights), options.smoothingBars);
  };
  const timeframe = (weekly: boolean): AxisSignals => ({
    growth: axis(proxies.growth, weekly),
    inflation: axis(proxies.inflation, weekly),
  });
  return { daily: timeframe(false), weekly: timeframe(true), proxies };
}

function _weightedMean(series: readonly Float64Array[], weights: readonly number[]): Float64Array {
  const n = series[0]?.length ?? 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0, total = 0;
    series.forEach((s, k) => {
      const v = s[i] as number;
      if (Number.isFinite(v)) {
        sum += v * (weights[k] as number);
        total += weights[k] as number;
      }
    });
    out[i] = total > 0 ? sum / total : NaN;
  }
  return out;
}
