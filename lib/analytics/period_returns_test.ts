import assert from "node:assert/strict";
import { assertClose } from "./_assert_close.ts";
import { seriesFromReturns } from "./_test_series.ts";
import { periodReturns } from "./period_returns.ts";

Deno.test("periodReturns() compounds each month from the last value of the month before", () => {
  const table = periodReturns({
    dates: ["2023-11-30", "2023-12-01", "2023-12-29", "2024-01-31", "2024-02-01", "2024-02-29"],
    value: [100, 102, 105, 94.5, 95, 99.75],
  });
  // Dec: 105 / 100 - 1 = 0.05; Jan: 94.5 / 105 - 1 = -0.1; Feb: 99.75 / 94.5 - 1
  assert.deepEqual(table.monthly, {
    "2023": { "12": 105 / 100 - 1 },
    "2024": { "1": 94.5 / 105 - 1, "2": 99.75 / 94.5 - 1 },
  });
  // 2023: 105 / 100 - 1; 2024: 99.75 / 105 - 1 = -0.05
  assert.deepEqual(table.yearly, { "2023": 105 / 100 - 1, "2024": 99.75 / 105 - 1 });
});

Deno.test("periodReturns() leaves out the first month when it holds only the first day", () => {
  const table = periodReturns({ dates: ["2024-01-31", "2024-02-01"], value: [100, 101] });
  assert.deepEqual(table.monthly, { "2024": { "2": 101 / 100 - 1 } });
});

Deno.test("periodReturns() gives a year's return equal to the product of its months", () => {
  const table = periodReturns({
    dates: ["2023-12-31", "2024-01-15", "2024-02-15", "2024-03-15"],
    value: [100, 90, 99, 94.05],
  });
  const months = Object.values(table.monthly["2024"] ?? {});
  const compounded = months.reduce((acc, r) => acc * (1 + r), 1) - 1;
  assertClose(table.yearly["2024"], compounded);
});

Deno.test("periodReturns() is empty for a single value", () => {
  assert.deepEqual(periodReturns({ dates: ["2024-01-02"], value: [1] }), {
    monthly: {},
    yearly: {},
  });
});

// Reference: empyrical-reloaded tests/test_stats.py test_aggregate_returns,
// fixture simple_benchmark ([0, 1, 0, 1, 0, 1, 0, 1, 0] / 100 daily from 2000-01-30):
// MONTHLY [0.01, 0.03030099999999991], YEARLY [0.040604010000000024].
Deno.test("periodReturns() matches empyrical aggregate_returns on simple_benchmark", () => {
  const table = periodReturns(
    seriesFromReturns([0, 0.01, 0, 0.01, 0, 0.01, 0, 0.01, 0], "2000-01-29"),
  );
  assertClose(table.monthly["2000"]?.["1"], 0.01, 1e-8);
  assertClose(table.monthly["2000"]?.["2"], 0.03030099999999991, 1e-8);
  assertClose(table.yearly["2000"], 0.040604010000000024, 1e-8);
});
