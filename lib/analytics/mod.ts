/**
 * Performance analytics: return, risk and risk-adjusted metrics of an equity
 * curve, its drawdowns, calendar-period returns, rolling volatility and
 * Sharpe, trade statistics, and figures relative to a benchmark.
 *
 * Conventions (each function's doc names the reference it follows, empyrical,
 * ffn, quantstats or backtrader): daily simple returns; annual mean = daily
 * mean x 252; annual volatility = sample stdev x sqrt(252); CAGR on calendar
 * days, `(end / start)^(365.25 / days) - 1`; daily risk-free rate
 * `(1 + rf)^(1 / 252) - 1`; undefined figures are `null`, never NaN or Infinity.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { computeMetrics } from "./mod.ts";
 *
 * const m = computeMetrics({ curve: { dates: ["2024-01-02", "2024-01-03"], value: [100, 101] } });
 * assert.ok(Math.abs(m.totalReturn - 0.01) < 1e-12);
 * ```
 *
 * @module
 */

export type { AnnualisationOptions } from "./conventions.ts";
export { type DrawdownPeriod, drawdownPeriods, type MaxDrawdown } from "./drawdown.ts";
export {
  type BenchmarkMetrics,
  computeMetrics,
  type Metrics,
  type MetricsInput,
} from "./metrics.ts";
export { type PeriodReturns, periodReturns } from "./period_returns.ts";
export {
  type RollingOptions,
  type RollingSeries,
  rollingSharpe,
  rollingVolatility,
} from "./rolling.ts";
export { type TradePnl, type TradeStats, tradeStats } from "./trade_stats.ts";
export type { ValueSeries } from "./value_series.ts";
export * from "./protection_effectiveness.ts";
