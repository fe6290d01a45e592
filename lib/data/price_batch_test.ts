import assert from "node:assert/strict";
import { type BarRow, seriesFromRows } from "./bars.ts";
import { filterBatch, type PriceBatch } from "./price_batch.ts";
import { lowerBound, seriesBetween } from "./series_range.ts";
import { InputError } from "../errors.ts";

const DAY = 86_400_000;
const bar = (ms: number): BarRow => ({
  time: ms,
  open: 10,
  high: 11,
  low: 9,
  close: 10,
  adjClose: 10,
  volume: 1,
});

const daily = seriesFromRows("A", "1d", [1, 2, 3, 4].map((d) => bar(d * DAY)));
const hourly = seriesFromRows("B", "1h", [2, 2.5, 3, 3.9, 4].map((d) => bar(d * DAY)));

Deno.test("lowerBound() finds the first time at or after a value", () => {
  assert.equal(lowerBound(daily.time, 0), 0);
  assert.equal(lowerBound(daily.time, 2 * DAY), 1);
  assert.equal(lowerBound(daily.time, 2.5 * DAY), 2);
  assert.equal(lowerBound(daily.time, 9 * DAY), 4);
});

Deno.test("seriesBetween() keeps whole days inclusive at both ends, intraday bars included", () => {
  assert.deepEqual([...seriesBetween(daily, 2, 3).time], [2 * DAY, 3 * DAY]);
  assert.equal(seriesBetween(daily), daily);
  assert.deepEqual([...seriesBetween(hourly, 3, 3).time], [3 * DAY, 3.9 * DAY]);
  assert.equal(seriesBetween(daily, 5, 9).time.length, 0);
  assert.equal(seriesBetween(daily, 3, 2).time.length, 0);
});

Deno.test("filterBatch() keeps requested tickers and days, actions included", () => {
  const batch: PriceBatch = {
    series: [daily, hourly],
    actions: [
      { ticker: "A", day: 1, dividend: 1, split: 1 },
      { ticker: "A", day: 3, dividend: 1, split: 1 },
      { ticker: "B", day: 3, dividend: 1, split: 1 },
    ],
    skippedRows: { B: 2 },
  };
  const out = filterBatch(batch, { tickers: ["A"], fromDay: 2, source: "s" });
  assert.deepEqual(out.series.map((s) => s.time.length), [3]);
  assert.deepEqual(out.actions, [{ ticker: "A", day: 3, dividend: 1, split: 1 }]);
  assert.deepEqual(out.skippedRows, { B: 2 });
  assert.throws(() => filterBatch(batch, { tickers: ["A", "Z"], source: "dir" }), (error) => {
    assert.ok(error instanceof InputError);
    assert.equal(error.message, "dir: no prices for ticker Z");
    return true;
  });
});
