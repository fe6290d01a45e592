import assert from "node:assert/strict";
import { returnsCharts } from "./returns_charts.ts";
import { resultWithEquity } from "./testdata/synthetic_run_result.ts";

const DATES = ["2023-11-30", "2023-12-29", "2024-01-31", "2024-02-29"];

Deno.test("returnsCharts() lays the monthly returns out as (month, year) cells", () => {
  // Dec 2023: 110 / 100 - 1 = 0.1; Jan 2024: 99 / 110 - 1 = -0.1; Feb 2024: 108.9 / 99 - 1 = 0.1
  const charts = returnsCharts(resultWithEquity(DATES, [100, 110, 99, 108.9]));
  assert.deepEqual(charts.years, ["2023", "2024"]);
  assert.deepEqual(charts.monthly, [[11, 0, 0.1], [0, 1, -0.1], [1, 1, 0.1]]);
  assert.deepEqual(charts.yearly, [0.1, -0.01]); // 2024: 108.9 / 110 - 1
  assert.equal(charts.benchmarkYearly, null);
});

Deno.test("returnsCharts() compounds the benchmark over the days it has a price", () => {
  // The benchmark starts on 2023-12-29: 2023 has no return of its own; 2024: 60 / 50 - 1.
  const charts = returnsCharts(resultWithEquity(DATES, [100, 110, 99, 108.9], [null, 50, 55, 60]));
  assert.deepEqual(charts.benchmarkYearly, [null, 0.2]);
});
