/**
 * The data of the equity chart: the account value against the benchmark,
 * downsampled together so both lines keep their extremes on shared dates.
 *
 * @module
 */

import type { RunResult } from "../engine/run_result.ts";
import { type ChartPoint, pointsAt } from "./chart_point.ts";
import { extremaIndices } from "./downsample.ts";

/** The equity chart's lines. */
export type EquityChart = {
  readonly strategy: readonly ChartPoint[];
  /** Null without a benchmark; null values where it has no price yet. */
  readonly benchmark: readonly ChartPoint[] | null;
  readonly benchmarkTicker: string | null;
  /** Whether the chart opens on a log scale. */
  readonly logScale: boolean;
};

/** The equity chart of a run, at most `maxPoints` points per line. */
export function equityChart(result: RunResult, maxPoints: number, logScale: boolean): EquityChart {
  const { dates, value } = result.equity;
  const benchmark = result.benchmark;
  const indices = extremaIndices(
    benchmark === null ? [value] : [value, benchmark.value],
    maxPoints,
  );
  return {
    strategy: pointsAt(dates, value, indices),
    benchmark: benchmark === null ? null : pointsAt(dates, benchmark.value, indices),
    benchmarkTicker: benchmark?.ticker ?? null,
    logScale,
  };
}
