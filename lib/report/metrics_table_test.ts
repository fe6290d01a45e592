import assert from "node:assert/strict";
import { metricsRows, metricsTableHtml } from "./metrics_table.ts";
import { resultWithEquity, syntheticRunResult } from "./testdata/synthetic_run_result.ts";
import { formatNumber, MISSING } from "./format.ts";
import { computeMetrics } from "../analytics/mod.ts";

/** Benchmark-relative figures of a small run, to stand for a version 1 result's. */
const computeBenchmark = () =>
  computeMetrics({ curve: { dates: DATES, value: [1, 2, 3] }, benchmark: [1, 2, 3] })
    .benchmark as NonNullable<ReturnType<typeof computeMetrics>["benchmark"]>;

const DATES = ["2024-01-02", "2024-01-03", "2024-01-04"];

Deno.test("metricsRows() sets the strategy's figures beside the benchmark's", () => {
  const result = resultWithEquity(DATES, [100, 90, 110], [100, 105, 102]);
  const rows = new Map(metricsRows(result.metrics, result.benchmarks).map((r) => [r[0], r]));
  // 110 / 100 - 1 = 10%; 102 / 100 - 1 = 2%; drawdowns 90 / 100 - 1 and 102 / 105 - 1
  assert.deepEqual(rows.get("Total return"), ["Total return", "10.00%", "2.00%"]);
  assert.deepEqual(rows.get("Max drawdown"), ["Max drawdown", "-10.00%", "-2.86%"]);
  assert.deepEqual(rows.get("End value"), ["End value", "110.00", "102.00"]);
  assert.deepEqual(rows.get("Max drawdown recovery"), [
    "Max drawdown recovery",
    "2024-01-04",
    "not recovered",
  ]);
});

Deno.test("metricsTableHtml() leaves the benchmark columns out without a benchmark", () => {
  const result = resultWithEquity(DATES, [100, 90, 110]);
  const html = metricsTableHtml(result.metrics, []);
  assert.ok(!html.includes("SPY"));
  assert.equal(html.match(/<tr>/g)?.length, metricsRows(result.metrics).length + 1);
  assert.equal(html.match(/<th>/g)?.length, 2);
});

Deno.test("metricsRows() gives each benchmark its own column, relative figures against the first", () => {
  const result = syntheticRunResult({ assets: 5, days: 300 });
  const rows = new Map(metricsRows(result.metrics, result.benchmarks).map((r) => [r[0], r]));
  const [spy, mix] = result.benchmarks;
  assert.deepEqual(rows.get("Sharpe ratio")?.slice(1), [
    formatNumber(result.metrics.sharpe, 2),
    formatNumber(spy?.metrics?.sharpe ?? null, 2),
    formatNumber(mix?.metrics?.sharpe ?? null, 2),
  ]);
  assert.deepEqual(rows.get("Beta (vs SPY)")?.slice(2), [MISSING, MISSING]);
  const html = metricsTableHtml(result.metrics, result.benchmarks);
  assert.ok(html.includes("<th>SPY</th><th>60/40:SPY,TLT</th>"));
});

Deno.test("metricsRows() shows a version 1 benchmark's figures from metrics.benchmark", () => {
  const result = resultWithEquity(DATES, [100, 90, 110], [null, 105, 102]);
  const old = { ...result.benchmarks[0]!, metrics: null };
  const metrics = { ...result.metrics, benchmark: { ...computeBenchmark(), totalReturn: 0.02 } };
  const rows = new Map(metricsRows(metrics, [old]).map((r) => [r[0], r]));
  assert.deepEqual(rows.get("Total return"), ["Total return", "10.00%", "2.00%"]);
  assert.deepEqual(rows.get("Start value"), ["Start value", "100.00", "105.00"]);
  assert.deepEqual(rows.get("Sortino ratio")?.[2], MISSING);
});
