import assert from "node:assert/strict";
import { allocationChart, holdingBars, RESIDUAL_CASH } from "./allocation_chart.ts";

const DATES = ["2024-01-31", "2024-02-29", "2024-03-28"];

Deno.test("allocationChart() adds the weight the buckets leave as a residual cash layer", () => {
  const chart = allocationChart({
    dates: DATES,
    byBucket: { stocks: [0.6, 0.5, 0.7], bonds: [0.4, 0.3, 0.3] },
  }, 100);
  // residual: 1 - 1.0 = 0, 1 - 0.8 = 0.2, 1 - 1.0 = 0
  assert.deepEqual(chart.layers.map((l) => l.bucket), ["stocks", "bonds", RESIDUAL_CASH]);
  assert.deepEqual(chart.layers[2]?.weights, [0, 0.2, 0]);
});

Deno.test("allocationChart() adds no residual layer when a bucket is cash or the buckets are fully invested", () => {
  const withCash = allocationChart({
    dates: DATES,
    byBucket: { Cash: [0.1, 0.1, 0.1], stocks: [0.5, 0.5, 0.5] },
  }, 100);
  assert.deepEqual(withCash.layers.map((l) => l.bucket), ["Cash", "stocks"]);
  const full = allocationChart({ dates: DATES, byBucket: { stocks: [1, 0.998, 1] } }, 100);
  assert.deepEqual(full.layers.map((l) => l.bucket), ["stocks"]);
});

Deno.test("allocationChart() keeps evenly spaced dates of a long allocation", () => {
  const dates = Array.from({ length: 1001 }, (_, i) => `d${String(i).padStart(4, "0")}`);
  const chart = allocationChart({ dates, byBucket: { stocks: dates.map(() => 1) } }, 101);
  assert.equal(chart.dates.length, 101);
  assert.deepEqual([chart.dates[0], chart.dates[1], chart.dates.at(-1)], [
    "d0000",
    "d0010",
    "d1000",
  ]);
});

Deno.test("allocationChart() refuses a bucket whose weights do not match the dates", () => {
  assert.throws(
    () => allocationChart({ dates: DATES, byBucket: { x: [1] } }, 100),
    RangeError,
    `"x"`,
  );
});

Deno.test("holdingBars() lists the largest weights first, ties by ticker", () => {
  const h = (ticker: string, weight: number) => ({
    ticker,
    weight,
    shares: 1,
    price: 1,
    value: 1,
    buckets: [],
  });
  assert.deepEqual(holdingBars([h("B", 0.2), h("C", 0.5), h("A", 0.2)], 2), [
    { ticker: "C", weight: 0.5 },
    { ticker: "A", weight: 0.2 },
  ]);
});
