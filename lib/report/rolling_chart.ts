/**
 * The data of the rolling chart: Sharpe ratio and annualised volatility over
 * a trailing window of daily returns (lib/analytics/rolling.ts), with the run's
 * risk-free rate and periods per year.
 *
 * @module
 */

import { rollingSharpe, rollingVolatility } from "../analytics/mod.ts";
import type { RunResult } from "../engine/run_result.ts";
import { type ChartPoint, pointsAt } from "./chart_point.ts";
import { extremaIndices } from "./downsample.ts";

/** Rolling Sharpe and volatility on the same dates. */
export type RollingChart = {
  /** Daily returns per window. */
  readonly windowDays: number;
  readonly sharpe: readonly ChartPoint[];
  readonly volatility: readonly ChartPoint[];
};

/**
 * The rolling chart of a run, or null when it has fewer than 7 values. The
 * window is `windowDays`, shortened to a third of the daily returns when the
 * run is too short for it (so a short run still shows a line).
 */
export function rollingChart(
  result: RunResult,
  windowDays: number,
  maxPoints: number,
): RollingChart | null {
  const { dates, value } = result.equity;
  const returns = value.length - 1;
  if (returns < 6) return null;
  const window = Math.min(windowDays, Math.floor(returns / 3));
  const options = {
    window,
    riskFreeRate: result.metrics.riskFreeRate,
    periodsPerYear: result.metrics.periodsPerYear,
  };
  const series = { dates, value };
  const sharpe = rollingSharpe(series, options);
  const volatility = rollingVolatility(series, options);
  const indices = extremaIndices([sharpe.values, volatility.values], maxPoints);
  return {
    windowDays: window,
    sharpe: pointsAt(sharpe.dates, sharpe.values, indices),
    volatility: pointsAt(volatility.dates, volatility.values, indices),
  };
}
