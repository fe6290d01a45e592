/**
 * The engine end to end in one lean process, for the benchmark: open the price
 * store, read the columns the run uses (open, close, adjusted close), build the
 * Panel, run an equal-weight monthly rebalance with a 0.1%
 * commission, compute the metrics, print one line. What `deno task backtest`
 * adds on top (config validation, result and report files, the audit log) is
 * measured separately by bench_backtest.ts.
 *
 * Usage: deno run -P=bench scripts/bench_engine_run.ts STORE
 *
 * @module
 */
import { PriceStore } from "../lib/data/price_store.ts";
import { Panel } from "../lib/data/panel.ts";
import { runBacktest } from "../lib/engine/run_backtest.ts";
import { equalWeight } from "../lib/engine/equal_weight.ts";
import { computeMetrics } from "../lib/analytics/metrics.ts";

const path = Deno.args[0];
if (path === undefined) {
  console.error("usage: bench_engine_run.ts STORE");
  Deno.exit(2);
}
const store = PriceStore.open(path, { readOnly: true });
// A column store reads only what the run looks at: market orders need opens and closes, and
// adjusted prices need the adjusted closes (the Panel scales by Adj Close / Close).
const series = store.read("all", "1d", { fields: ["open", "close", "adjClose"] });
store.close();
const panel = Panel.fromSeries(series, { prices: "adjusted" });
const result = runBacktest({
  panel,
  strategy: equalWeight.create({ frequency: "monthly" }),
  cash: 10_000_000,
  broker: { commission: { type: "percent", rate: 0.001 } },
});
const metrics = computeMetrics({ curve: result.equity, trades: result.trades });
console.log(
  `${panel.assetCount} assets x ${panel.dayCount} days: final ${result.finalValue.toFixed(2)}, ` +
    `${result.fills.length} fills, Sharpe ${metrics.sharpe?.toFixed(3)}`,
);
