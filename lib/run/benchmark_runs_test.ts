import assert from "node:assert/strict";
import { randomWalkPanel } from "../engine/_test_panel.ts";
import { equalWeight } from "../engine/equal_weight.ts";
import { fixedMix } from "../engine/fixed_mix.ts";
import { runBacktest } from "../engine/run_backtest.ts";
import { computeMetrics } from "../analytics/metrics.ts";
import { runBenchmarks } from "./benchmark_runs.ts";
import { parseBenchmarks } from "./benchmark_spec.ts";

const panel = randomWalkPanel(6, 300, 7);
const broker = {
  commission: { type: "perShare", perShare: 0.005, minimum: 1 },
  slippageBps: 5,
  fractional: false,
} as const;
const options = {
  cash: 100_000,
  broker,
  start: panel.dateAt(20),
  end: panel.dateAt(280),
  riskFreeRate: 0.01,
};
const specs = parseBenchmarks(["A000", "60/40:A001,A002", "equal-weight"]);
const runs = runBenchmarks(panel, specs, options);

Deno.test("runBenchmarks() runs each benchmark as its strategy through the run's broker, costs and dates", () => {
  const strategies = [
    fixedMix({ weights: { A000: 1 }, rebalance: "never" }),
    fixedMix({ weights: { A001: 0.6, A002: 0.4 }, rebalance: "monthly" }),
    equalWeight.fromParams({ frequency: "monthly" }),
  ];
  strategies.forEach((strategy, k) => {
    const direct = runBacktest({ panel, strategy, ...options });
    assert.deepEqual(runs[k]?.value, Array.from(direct.equity.value), specs[k]?.name);
    assert.deepEqual(
      runs[k]?.metrics,
      computeMetrics({ curve: direct.equity, trades: direct.trades }, { riskFreeRate: 0.01 }),
    );
  });
  assert.deepEqual(runs.map((r) => r.name), ["A000", "60/40:A001,A002", "equal-weight"]);
  assert.equal(runs[0]?.value.length, 261);
});

Deno.test("runBenchmarks() charges a benchmark the commission and slippage the strategy pays", () => {
  const free = runBenchmarks(panel, specs, {
    ...options,
    broker: { commission: { type: "none" }, slippageBps: 0, fractional: false },
  });
  for (let k = 0; k < specs.length; k++) {
    assert.ok(
      (runs[k]?.value.at(-1) as number) < (free[k]?.value.at(-1) as number),
      specs[k]?.name,
    );
  }
});
