/**
 * Benchmarks of the day loop: equal-weight monthly rebalancing with a 0.1%
 * commission over generated random-walk data, 100 and 500 assets by 5,000
 * days. Run with `deno bench lib/engine/backtest_bench.ts`; asset-days per
 * second = assets * days / time per run.
 *
 * @module
 */
import { runBacktest } from "./run_backtest.ts";
import { equalWeight } from "./equal_weight.ts";
import { randomWalkPanel } from "./_test_panel.ts";

const DAYS = 5_000;
const broker = { commission: { type: "percent", rate: 0.001 } } as const;

for (const assets of [100, 500]) {
  const panel = randomWalkPanel(assets, DAYS, 42, 0.01);
  Deno.bench({
    name: `equal-weight monthly, ${assets} assets x ${DAYS} days, 0.1% commission`,
    group: "backtest",
    baseline: assets === 100,
    fn() {
      runBacktest({ panel, cash: 1_000_000, broker, strategy: equalWeight.create() });
    },
  });
}
