import assert from "node:assert/strict";
import { drawdownChart, underwater } from "./drawdown_chart.ts";
import { resultWithEquity } from "./testdata/synthetic_run_result.ts";

Deno.test("underwater() is the fall from the running peak (hand calculation)", () => {
  // peaks 100, 120, 120, 130: 90 / 120 - 1 = -0.25
  assert.deepEqual([...underwater([100, 120, 90, 130])], [0, 0, -0.25, 0]);
});

Deno.test("drawdownChart() marks the deepest drawdowns of the metrics, open ones to the last date", () => {
  const dates = [
    "2024-01-01",
    "2024-01-02",
    "2024-01-03",
    "2024-01-04",
    "2024-01-05",
    "2024-01-06",
  ];
  // falls: 100 -> 80 (recovered 01-03), 120 -> 108 (open)
  const chart = drawdownChart(resultWithEquity(dates, [100, 80, 100, 120, 108, 110]), 100, 5);
  assert.deepEqual(chart.worst, [
    {
      rank: 1,
      peak: "2024-01-01",
      trough: "2024-01-02",
      end: "2024-01-03",
      recovered: true,
      depth: 80 / 100 - 1,
      lengthDays: 2,
    },
    {
      rank: 2,
      peak: "2024-01-04",
      trough: "2024-01-05",
      end: "2024-01-06",
      recovered: false,
      depth: 108 / 120 - 1,
      lengthDays: 2,
    },
  ]);
  assert.deepEqual(chart.series.map((p) => p[1]), [0, -0.2, 0, 0, -0.1, roundTo7(110 / 120 - 1)]);
});

Deno.test("drawdownChart() keeps every marked trough among the downsampled points", () => {
  const dates: string[] = [], value: number[] = [];
  for (let i = 0; i < 5000; i++) {
    dates.push(new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10));
    value.push(100 + 10 * Math.sin(i / 37) + i / 50);
  }
  const chart = drawdownChart(resultWithEquity(dates, value), 200, 5);
  assert.ok(chart.series.length <= 205);
  const drawn = new Set(chart.series.map((p) => p[0]));
  for (const w of chart.worst) assert.ok(drawn.has(w.trough), `trough ${w.trough} drawn`);
});

function roundTo7(v: number): number {
  return Number(v.toPrecision(7));
}
