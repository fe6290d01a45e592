/**
 * The strategies that ship with the engine, by the name `--strategy` takes.
 *
 * @module
 */
import type { StrategyFactory } from "./define_strategy.ts";
import { equalWeight } from "./equal_weight.ts";
import { smaCross } from "./sma_cross.ts";

/**
 * Built-in strategies by name: `sma-cross` and `equal-weight`.
 *
 * @example Running `equal-weight` with params as the command line gives them
 * ```ts
 * import assert from "node:assert/strict";
 * import { Panel } from "../data/panel.ts";
 * import { seriesFromRows } from "../data/bars.ts";
 * import { builtInStrategies } from "./built_in_strategies.ts";
 * import { runBacktest } from "./run_backtest.ts";
 *
 * const bars = (ticker: string, prices: number[]) =>
 *   seriesFromRows(ticker, "1d", prices.map((p, i) => ({
 *     time: Date.UTC(2024, 0, 2 + i), open: p, high: p, low: p, close: p, adjClose: p, volume: 100,
 *   })));
 * const panel = Panel.fromSeries([bars("AAA", [10, 10, 11]), bars("BBB", [20, 20, 18])]);
 * const definition = builtInStrategies["equal-weight"];
 * assert.ok(definition);
 * const result = runBacktest({ panel, cash: 1000, strategy: definition.fromParams({ frequency: "monthly" }) });
 * // Hand calculation: half of 1000 each at the second day's open: 50 AAA at 10, 25 BBB at 20.
 * assert.deepEqual(result.fills.map((f) => [f.ticker, f.size, f.price]), [["AAA", 50, 10], ["BBB", 25, 20]]);
 * assert.equal(result.finalValue, 50 * 11 + 25 * 18);
 * assert.throws(() => definition.fromParams({ frequency: "yearly" }), /expected one of daily, weekly, monthly/);
 * ```
 */
export const builtInStrategies: Readonly<Record<string, StrategyFactory>> = Object.freeze({
  [smaCross.name]: smaCross,
  [equalWeight.name]: equalWeight,
});
