/**
 * The performance summary of a run: one plain, JSON-serialisable {@link Metrics}
 * object computed from the equity curve, the closed trades and, optionally, a
 * benchmark's values on the same dates.
 *
 * Every undefined figure (a ratio over zero risk, a rate over zero days, a
 * statistic of too few observations) is `null`; no field is ever `NaN` or
 * `Infinity`, so `JSON.parse(JSON.stringify(m))` gives back `m`. The
 * definitions and the references they follow are in the doc of each helper:
 * `conventions.ts` (annualisation, risk-free rate), `return_ratios.ts`,
 * `drawdown.ts`, `benchmark_relative.ts`, `trade_stats.ts`, `period_returns.ts`.
 *
 * @module
 */

import { relativeMetrics } from "./benchmark_relative.ts";
import { type AnnualisationOptions, type Conventions, resolveConventions } from "./conventions.ts";
import {
  type DrawdownPeriod,
  drawdownPeriodsOf,
  type MaxDrawdown,
  maxDrawdownOf,
} from "./drawdown.ts";
import { type PeriodReturns, periodReturnsOf } from "./period_returns.ts";
import { annualVolatility, cagr, sharpeRatio, sortinoRatio, totalReturn } from "./return_ratios.ts";
import { finiteOrNull, mean } from "./statistics.ts";
import { type TradePnl, type TradeStats, tradeStats } from "./trade_stats.ts";
import {
  type CheckedSeries,
  checkPositiveValues,
  checkValueSeries,
  simpleReturns,
  type ValueSeries,
} from "./value_series.ts";

/**
 * What {@link computeMetrics} reads. `curve` may be the engine's `EquityCurve`
 * (its `exposure` and `turnover` columns are then summarised) or just dates and
 * values. `benchmark` holds the benchmark's values on the curve's dates.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { computeMetrics, type MetricsInput } from "./mod.ts";
 *
 * const input: MetricsInput = {
 *   curve: { dates: ["2024-01-02", "2024-01-03"], value: [100, 102] },
 *   benchmark: [50, 50.5],
 * };
 * assert.equal(computeMetrics(input).benchmark?.totalReturn, 50.5 / 50 - 1);
 * ```
 */
export type MetricsInput = {
  readonly curve: ValueSeries & {
    readonly exposure?: ArrayLike<number>;
    readonly turnover?: ArrayLike<number>;
  };
  /** Closed trades; the engine's `Trade[]` fits. */
  readonly trades?: readonly TradePnl[];
  readonly benchmark?: ArrayLike<number>;
};

/**
 * The benchmark's own figures (same definitions as the curve's) and the
 * curve's figures relative to it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type BenchmarkMetrics, computeMetrics } from "./mod.ts";
 *
 * const bench: BenchmarkMetrics | null = computeMetrics({
 *   curve: { dates: ["2024-01-02", "2024-01-03", "2024-01-04"], value: [100, 102, 101] },
 *   benchmark: [100, 102, 101],
 * }).benchmark;
 * assert.equal(bench?.beta, 1); // the curve is the benchmark
 * ```
 */
export type BenchmarkMetrics = {
  readonly totalReturn: number;
  readonly cagr: number | null;
  readonly annualVolatility: number | null;
  readonly sharpe: number | null;
  readonly maxDrawdown: MaxDrawdown;
  /** cov(r, b) / var(b) of daily returns. */
  readonly beta: number | null;
  /** Jensen's alpha, annualised arithmetically (x periodsPerYear). */
  readonly alpha: number | null;
  /** Annualised stdev of the daily active return r - b. */
  readonly trackingError: number | null;
  /** Annualised mean active return / tracking error. */
  readonly informationRatio: number | null;
};

/**
 * The performance summary: numbers or null, dates as ISO strings.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { computeMetrics, type Metrics } from "./mod.ts";
 *
 * const m: Metrics = computeMetrics({ curve: { dates: ["2024-01-02"], value: [100] } });
 * assert.equal(m.sharpe, null); // a single day has no return
 * assert.deepEqual(JSON.parse(JSON.stringify(m)), m);
 * ```
 */
export type Metrics = {
  readonly start: string;
  readonly end: string;
  /** Calendar days from start to end. */
  readonly calendarDays: number;
  /** Daily returns: one fewer than the values. */
  readonly observations: number;
  readonly riskFreeRate: number;
  readonly periodsPerYear: number;
  readonly startValue: number;
  readonly endValue: number;
  /** end / start - 1. */
  readonly totalReturn: number;
  /** (end / start)^(365.25 / calendarDays) - 1. */
  readonly cagr: number | null;
  /** Sample stdev of daily returns x sqrt(periodsPerYear). */
  readonly annualVolatility: number | null;
  readonly sharpe: number | null;
  readonly sortino: number | null;
  /** cagr / |maxDrawdown.depth|. */
  readonly calmar: number | null;
  readonly maxDrawdown: MaxDrawdown;
  /** Every drawdown, deepest first. */
  readonly drawdowns: readonly DrawdownPeriod[];
  readonly trades: TradeStats;
  /** Mean daily turnover x periodsPerYear; null without a turnover column. */
  readonly turnover: number | null;
  /** Mean daily exposure; null without an exposure column. */
  readonly exposure: number | null;
  readonly benchmark: BenchmarkMetrics | null;
  readonly periodReturns: PeriodReturns;
};

/**
 * Computes every performance metric of a run.
 *
 * - Returns: daily simple returns; annual means are x periodsPerYear (default
 *   252), volatility is the sample stdev x sqrt(periodsPerYear); CAGR is on
 *   calendar time, `(end / start)^(365.25 / days) - 1` (ffn's convention).
 * - Sharpe `mean(r - rf) / stdev(r) x sqrt(P)` (empyrical); Sortino with the
 *   full-sample downside deviation below rf (empyrical); Calmar
 *   `cagr / |max drawdown|` (quantstats, which also divides its CAGR).
 * - rf, the daily risk-free rate, is `(1 + riskFreeRate)^(1 / P) - 1`.
 * - Turnover: the mean of the daily turnover column (every entry, the first
 *   day's buy-in included) x P; exposure: the mean of the exposure column.
 *
 * Throws `RangeError` on malformed input: lengths that differ from the
 * dates', dates not strictly ascending ISO dates, values or benchmark values
 * not finite and above 0, non-finite exposure, turnover or pnl, bad options.
 *
 * @example A 10% gain over a year with one dip
 * ```ts
 * import assert from "node:assert/strict";
 * import { computeMetrics } from "./mod.ts";
 *
 * const m = computeMetrics(
 *   {
 *     curve: { dates: ["2023-01-01", "2023-07-01", "2024-01-01"], value: [100, 90, 110] },
 *     trades: [{ pnl: 15 }, { pnl: -5 }],
 *   },
 *   { periodsPerYear: 2 },
 * );
 * assert.ok(Math.abs(m.totalReturn - 0.1) < 1e-12);
 * assert.ok(Math.abs((m.cagr ?? NaN) - (Math.pow(1.1, 365.25 / 365) - 1)) < 1e-12);
 * assert.deepEqual(m.maxDrawdown, {
 *   depth: 90 / 100 - 1,
 *   peak: "2023-01-01",
 *   trough: "2023-07-01",
 *   recovery: "2024-01-01",
 * });
 * assert.equal(m.trades.profitFactor, 3);
 * ```
 */
export function computeMetrics(input: MetricsInput, options: AnnualisationOptions = {}): Metrics {
  const caller = "compute metrics";
  const conventions = resolveConventions(options, caller);
  const series = checkValueSeries(input.curve, caller);
  const { value, days, dates } = series;
  const n = value.length;
  const calendarDays = (days[n - 1] ?? 0) - (days[0] ?? 0);
  const returns = simpleReturns(value);
  const drawdowns = drawdownPeriodsOf(series);
  const maxDrawdown = maxDrawdownOf(drawdowns);
  const growth = cagr(value, calendarDays);
  return {
    start: dates[0] ?? "",
    end: dates[n - 1] ?? "",
    calendarDays,
    observations: returns.length,
    riskFreeRate: conventions.riskFreeRate,
    periodsPerYear: conventions.periodsPerYear,
    startValue: value[0] ?? NaN,
    endValue: value[n - 1] ?? NaN,
    totalReturn: totalReturn(value),
    cagr: growth,
    annualVolatility: annualVolatility(returns, conventions.periodsPerYear),
    sharpe: sharpeRatio(returns, conventions),
    sortino: sortinoRatio(returns, conventions),
    calmar: growth === null || maxDrawdown.depth === 0
      ? null
      : finiteOrNull(growth / Math.abs(maxDrawdown.depth)),
    maxDrawdown,
    drawdowns,
    trades: tradeStats(input.trades ?? []),
    turnover: _columnMean(input.curve.turnover, "turnover", n, conventions.periodsPerYear),
    exposure: _columnMean(input.curve.exposure, "exposure", n, 1),
    benchmark: input.benchmark === undefined
      ? null
      : _benchmarkMetrics(input.benchmark, series, returns, calendarDays, conventions),
    periodReturns: periodReturnsOf(series),
  };
}

function _benchmarkMetrics(
  benchmark: ArrayLike<number>,
  series: CheckedSeries,
  returns: Float64Array,
  calendarDays: number,
  conventions: Conventions,
): BenchmarkMetrics {
  if (benchmark.length !== series.dates.length) {
    throw new RangeError(
      `Cannot compute metrics as benchmark must hold one value per date: current length is ${benchmark.length}, dates ${series.dates.length}`,
    );
  }
  checkPositiveValues(benchmark, "benchmark", "compute metrics");
  const benchmarkReturns = simpleReturns(benchmark);
  const drawdowns = drawdownPeriodsOf({ dates: series.dates, days: series.days, value: benchmark });
  return {
    totalReturn: totalReturn(benchmark),
    cagr: cagr(benchmark, calendarDays),
    annualVolatility: annualVolatility(benchmarkReturns, conventions.periodsPerYear),
    sharpe: sharpeRatio(benchmarkReturns, conventions),
    maxDrawdown: maxDrawdownOf(drawdowns),
    ...relativeMetrics(returns, benchmarkReturns, conventions),
  };
}

function _columnMean(
  column: ArrayLike<number> | undefined,
  name: string,
  length: number,
  scale: number,
): number | null {
  if (column === undefined) return null;
  if (column.length !== length) {
    throw new RangeError(
      `Cannot compute metrics as ${name} must hold one entry per date: current length is ${column.length}, dates ${length}`,
    );
  }
  for (let i = 0; i < length; i++) {
    if (!Number.isFinite(column[i])) {
      throw new RangeError(
        `Cannot compute metrics as ${name}[${i}] must be a finite number: current value is ${
          column[i]
        }`,
      );
    }
  }
  return finiteOrNull(mean(column) * scale);
}
