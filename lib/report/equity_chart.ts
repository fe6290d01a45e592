/**
 * The data of the equity chart: the account value against the benchmarks,
 * downsampled together so every line keeps its extremes on shared dates.
 *
 * @module
 */

import type { RunResult } from "../engine/run_result.ts";
import { type ChartPoint, pointsAt } from "./chart_point.ts";
import { extremaIndices } from "./downsample.ts";

/** The equity chart's lines. */
export type EquityChart = {
  readonly strategy: readonly ChartPoint[];
  /** One line per benchmark, in the result's order (null values where a version 1 benchmark had no price). */
  readonly benchmarks: readonly { readonly name: string; readonly points: readonly ChartPoint[] }[];
  /** Whether the chart opens on a log scale. */
  readonly logScale: boolean;
};

/** The equity chart of a run, at most `maxPoints` points per line. */
export function equityChart(result: RunResult, maxPoints: number, logScale: boolean): EquityChart {
  const { dates, value } = result.equity;
  const indices = extremaIndices([value, ...result.benchmarks.map((b) => b.value)], maxPoints);
  return {
    strategy: pointsAt(dates, value, indices),
    benchmarks: result.benchmarks.map((b) => ({
      name: b.name,
      points: pointsAt(dates, b.value, indices),
    })),
    logScale,
  };
}
