import assert from "node:assert/strict";
import { rollingSharpe } from "../analytics/mod.ts";
import { rollingChart } from "./rolling_chart.ts";
import { resultWithEquity } from "./testdata/synthetic_run_result.ts";

function days(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10),
  );
}

Deno.test("rollingChart() draws lib/analytics' rolling Sharpe over the window asked for", () => {
  const dates = days(400), value = dates.map((_, i) => 100 * (1 + 0.01 * Math.sin(i)) + i / 10);
  const chart = rollingChart(resultWithEquity(dates, value), 126, 2000);
  const reference = rollingSharpe({ dates, value }, { window: 126 });
  assert.equal(chart?.windowDays, 126);
  assert.deepEqual(chart?.sharpe.map((p) => p[0]), reference.dates);
  const last = reference.values.at(-1) ?? NaN;
  assert.equal(chart?.sharpe.at(-1)?.[1], Number(last.toPrecision(7)));
});

Deno.test("rollingChart() shortens the window to a third of the returns of a short run", () => {
  const dates = days(31); // 30 returns -> window 10
  const chart = rollingChart(
    resultWithEquity(dates, dates.map((_, i) => 100 + (i % 3))),
    126,
    2000,
  );
  assert.equal(chart?.windowDays, 10);
  assert.equal(chart?.volatility.length, 21);
});

Deno.test("rollingChart() is null for a run of fewer than 7 values", () => {
  const dates = days(6);
  assert.equal(rollingChart(resultWithEquity(dates, [1, 2, 3, 4, 5, 6]), 126, 2000), null);
});
