/**
 * Benchmarks run beside the strategy: each spec (lib/run/benchmark_spec.ts) is
 * a strategy of its own (buy and hold, a fixed mix or equal weights, monthly)
 * simulated over the run's days through the same broker, with the same cash,
 * fill timing, commission, slippage and whole or fractional shares, and its
 * metrics computed the same way as the strategy's. A benchmark thus pays what
 * the strategy would pay to hold it, and its figures compare like for like.
 *
 * @module
 */
import type { Panel } from "../data/panel.ts";
import type { BrokerOptions } from "../engine/broker_options.ts";
import { equalWeight } from "../engine/equal_weight.ts";
import { fixedMix } from "../engine/fixed_mix.ts";
import { runBacktest } from "../engine/run_backtest.ts";
import type { BenchmarkRun } from "../engine/run_result.ts";
import type { Strategy } from "../engine/strategy.ts";
import { computeMetrics } from "../analytics/metrics.ts";
import type { BenchmarkSpec } from "./benchmark_spec.ts";

/** What the benchmarks share with the run. */
export type BenchmarkRunOptions = {
  readonly cash: number;
  readonly broker: BrokerOptions;
  /** First and last day of the run (ISO). */
  readonly start: string;
  readonly end: string;
  readonly riskFreeRate: number;
};

/** The strategy a spec stands for. */
export function benchmarkStrategy(spec: BenchmarkSpec): Strategy {
  if (spec.weights === null) return equalWeight.fromParams({ frequency: "monthly" });
  return fixedMix({ weights: spec.weights, rebalance: spec.rebalance, name: spec.name });
}

/**
 * Runs every spec over the run's days (see the module doc).
 *
 * @example Buy and hold through the broker pays its commission
 * ```ts
 * import assert from "node:assert/strict";
 * import { Panel } from "../data/panel.ts";
 * import { seriesFromRows } from "../data/bars.ts";
 * import { runBenchmarks } from "./benchmark_runs.ts";
 *
 * const prices = [10, 10, 11, 12];
 * const panel = Panel.fromSeries([seriesFromRows("SPY", "1d", prices.map((p, i) => ({
 *   time: Date.UTC(2024, 0, 2 + i), open: p, high: p, low: p, close: p, adjClose: p, volume: 100,
 * })))]);
 * const [spy] = runBenchmarks(panel, [{ name: "SPY", weights: { SPY: 1 }, rebalance: "never" }], {
 *   cash: 1000, broker: { commission: { type: "fixed", amount: 1 } },
 *   start: "2024-01-02", end: "2024-01-05", riskFreeRate: 0,
 * });
 * // Hand calculation: 99 shares at the second day's open of 10 (100 and the commission would
 * // cost 1,001), 9 left in cash: 9 + 99 x 12 = 1,197 at the end.
 * assert.deepEqual(spy?.value, [1000, 999, 1098, 1197]);
 * assert.equal(spy?.metrics?.trades.count, 0);
 * ```
 */
export function runBenchmarks(
  panel: Panel,
  specs: readonly BenchmarkSpec[],
  options: BenchmarkRunOptions,
): BenchmarkRun[] {
  return specs.map((spec) => {
    const result = runBacktest({
      panel,
      strategy: benchmarkStrategy(spec),
      cash: options.cash,
      broker: options.broker,
      start: options.start,
      end: options.end,
    });
    const metrics = computeMetrics(
      { curve: result.equity, trades: result.trades },
      { riskFreeRate: options.riskFreeRate },
    );
    return {
      name: spec.name,
      weights: spec.weights,
      rebalance: spec.rebalance,
      value: Array.from(result.equity.value),
      metrics,
    };
  });
}
