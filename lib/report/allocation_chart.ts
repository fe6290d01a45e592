/**
 * The data of the allocation charts: weight by bucket over time as stacked
 * layers (with the residual cash as its own layer when the buckets leave
 * some), and the largest current holdings.
 *
 * @module
 */

import type { Allocation, Holding } from "../engine/run_result.ts";
import { strideIndices } from "./downsample.ts";
import { roundSignificant } from "./format.ts";

/** Name of the layer added for the weight the buckets leave uninvested. */
export const RESIDUAL_CASH = "cash (residual)";

/** Stacked layers: one weight per bucket and date. */
export type AllocationChart = {
  readonly dates: readonly string[];
  readonly layers: readonly { readonly bucket: string; readonly weights: readonly number[] }[];
};

/** A bar of the holdings chart. */
export type HoldingBar = { readonly ticker: string; readonly weight: number };

/**
 * The stacked allocation of a run, at most `maxPoints` evenly spaced dates.
 * A residual cash layer `1 - sum(weights)` is added when it exceeds half a
 * percent on some date and no bucket is already named cash. Throws
 * `RangeError` when a bucket's weights differ in length from the dates.
 */
export function allocationChart(allocation: Allocation, maxPoints: number): AllocationChart {
  const { dates, byBucket } = allocation;
  const buckets = Object.entries(byBucket);
  for (const [bucket, weights] of buckets) {
    if (weights.length !== dates.length) {
      throw new RangeError(
        `Cannot build the allocation chart as bucket "${bucket}" must hold one weight per date: current length is ${weights.length}, dates ${dates.length}`,
      );
    }
  }
  const indices = strideIndices(dates.length, maxPoints);
  const residual = indices.map((i) =>
    1 - buckets.reduce((sum, [, weights]) => sum + (weights[i] ?? 0), 0)
  );
  const layers = buckets.map(([bucket, weights]) => ({
    bucket,
    weights: indices.map((i) => roundSignificant(weights[i] ?? 0, 5)),
  }));
  const hasCash = buckets.some(([bucket]) => bucket.toLowerCase() === "cash");
  if (!hasCash && residual.some((r) => r > 0.005)) {
    layers.push({
      bucket: RESIDUAL_CASH,
      weights: residual.map((r) => roundSignificant(Math.max(0, r), 5)),
    });
  }
  return { dates: indices.map((i) => dates[i] ?? ""), layers };
}

/** The `count` largest holdings by weight (ties by ticker), largest first. */
export function largestHoldings(holdings: readonly Holding[], count: number): Holding[] {
  return [...holdings]
    .sort((a, b) => b.weight - a.weight || (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0))
    .slice(0, count);
}

/** The bars of the holdings chart: the `count` largest weights. */
export function holdingBars(holdings: readonly Holding[], count: number): HoldingBar[] {
  return largestHoldings(holdings, count).map((h) => ({
    ticker: h.ticker,
    weight: roundSignificant(h.weight, 5),
  }));
}
