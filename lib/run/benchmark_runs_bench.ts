/**
 * Benchmarks of the benchmarks a run carries: the default pair (a ticker held
 * and a 60/40 mix rebalanced monthly) and an equal-weight benchmark over every
 * ticker, each simulated through the broker with its metrics, over 500
 * generated assets x 5,000 days. Run with
 * `deno bench lib/run/benchmark_runs_bench.ts`.
 *
 * @module
 */
import { randomWalkPanel } from "../engine/_test_panel.ts";
import { runBenchmarks } from "./benchmark_runs.ts";
import { parseBenchmarks } from "./benchmark_spec.ts";

const DAYS = 5_000;
const panel = randomWalkPanel(500, DAYS, 42, 0.01);
const options = {
  cash: 1_000_000,
  broker: { commission: { type: "perShare", perShare: 0.005, minimum: 1 }, slippageBps: 5 },
  start: panel.dateAt(0),
  end: panel.dateAt(DAYS - 1),
  riskFreeRate: 0,
} as const;

for (
  const [name, specs] of [
    ["the default pair: one ticker held and a 60/40 mix monthly", ["A000", "60/40:A000,A001"]],
    ["equal-weight monthly over all 500 tickers", ["equal-weight"]],
  ] as const
) {
  const parsed = parseBenchmarks(specs);
  Deno.bench({
    name: `benchmarks: ${name}, 500 assets x ${DAYS} days, with metrics`,
    group: "benchmarks",
    fn() {
      runBenchmarks(panel, parsed, options);
    },
  });
}
