import assert from "node:assert/strict";
import { metricsRows, metricsTableHtml } from "./metrics_table.ts";
import { resultWithEquity } from "./testdata/synthetic_run_result.ts";

const DATES = ["2024-01-02", "2024-01-03", "2024-01-04"];

Deno.test("metricsRows() sets the strategy's figures beside the benchmark's", () => {
  const result = resultWithEquity(DATES, [100, 90, 110], [100, 105, 102]);
  const rows = new Map(
    metricsRows(result.metrics, result.benchmark?.value ?? null).map((r) => [r[0], r]),
  );
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

Deno.test("metricsTableHtml() leaves the benchmark column out without a benchmark", () => {
  const result = resultWithEquity(DATES, [100, 90, 110]);
  const html = metricsTableHtml(result.metrics, null);
  assert.ok(!html.includes("Benchmark"));
  assert.equal(html.match(/<tr>/g)?.length, metricsRows(result.metrics).length + 1);
});
