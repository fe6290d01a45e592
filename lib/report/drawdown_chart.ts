/**
 * The data of the underwater chart: the drawdown on each day,
 * `v[t] / max(v[0..t]) - 1` (empyrical's and ffn's definition, as in
 * lib/analytics/drawdown.ts), and the deepest periods to mark on it.
 *
 * @module
 */

import type { RunResult } from "../engine/run_result.ts";
import { type ChartPoint, dateIndex, pointsAt } from "./chart_point.ts";
import { extremaIndices } from "./downsample.ts";

/** A marked drawdown: from its peak through its trough to its recovery (or the last date). */
export type MarkedDrawdown = {
  /** 1 for the deepest. */
  readonly rank: number;
  readonly peak: string;
  readonly trough: string;
  /** The recovery date, or the last date of the run when not recovered. */
  readonly end: string;
  readonly recovered: boolean;
  /** Negative fraction. */
  readonly depth: number;
  readonly lengthDays: number;
};

/** The underwater chart: the drawdown line and its deepest periods. */
export type DrawdownChart = {
  readonly series: readonly ChartPoint[];
  readonly worst: readonly MarkedDrawdown[];
};

/** The drawdown of each value against its running peak (negative fractions or 0). */
export function underwater(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let peak = -Infinity;
  for (let t = 0; t < values.length; t++) {
    const v = values[t] ?? NaN;
    if (v > peak) peak = v;
    out[t] = v / peak - 1;
  }
  return out;
}

/**
 * The underwater chart of a run: the `count` deepest drawdowns are taken from
 * `result.metrics.drawdowns` (deepest first), and their troughs are always
 * among the drawn points.
 */
export function drawdownChart(result: RunResult, maxPoints: number, count: number): DrawdownChart {
  const { dates, value } = result.equity;
  const lastDate = dates[dates.length - 1] ?? "";
  const worst = result.metrics.drawdowns.slice(0, count).map((d, i): MarkedDrawdown => ({
    rank: i + 1,
    peak: d.peak,
    trough: d.trough,
    end: d.recovery ?? lastDate,
    recovered: d.recovery !== null,
    depth: d.depth,
    lengthDays: d.lengthDays,
  }));
  const drawdown = underwater(value);
  const troughs = worst.map((d) => dateIndex(dates, d.trough));
  const indices = extremaIndices([drawdown], maxPoints, troughs);
  return { series: pointsAt(dates, drawdown, indices), worst };
}
