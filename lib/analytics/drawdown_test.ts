import assert from "node:assert/strict";
import { assertClose } from "./_assert_close.ts";
import { consecutiveDates, seriesFromReturns } from "./_test_series.ts";
import { drawdownPeriods, maxDrawdownOf } from "./drawdown.ts";

const dates = (n: number) => consecutiveDates("2024-01-01", n);

Deno.test("drawdownPeriods() lists every drawdown, deepest first", () => {
  // 100 -> 95 (-5%) back to 100; up to 120 -> 90 (-25%) -> 126 recovers on day 6;
  // 126 -> 113.4 (-10%) open at the end
  const periods = drawdownPeriods({
    dates: dates(9),
    value: [100, 95, 100, 120, 90, 110, 126, 113.4, 120],
  });
  assert.deepEqual(periods, [
    {
      peak: "2024-01-04",
      trough: "2024-01-05",
      recovery: "2024-01-07",
      depth: 90 / 120 - 1,
      lengthDays: 3,
    },
    {
      peak: "2024-01-07",
      trough: "2024-01-08",
      recovery: null,
      depth: 113.4 / 126 - 1,
      lengthDays: 2, // to the last date, 2024-01-09
    },
    {
      peak: "2024-01-01",
      trough: "2024-01-02",
      recovery: "2024-01-03",
      depth: 95 / 100 - 1,
      lengthDays: 2,
    },
  ]);
});

Deno.test("drawdownPeriods() takes the last day at the high-water mark as the peak", () => {
  const [period] = drawdownPeriods({ dates: dates(4), value: [100, 100, 90, 100] });
  assert.equal(period?.peak, "2024-01-02");
  assert.equal(period?.recovery, "2024-01-04"); // back exactly at the peak counts as recovered
});

Deno.test("drawdownPeriods() takes the first of equal lows as the trough", () => {
  const [period] = drawdownPeriods({ dates: dates(5), value: [100, 80, 90, 80, 101] });
  assert.equal(period?.trough, "2024-01-02");
});

Deno.test("drawdownPeriods() counts length in calendar days across a weekend", () => {
  const [period] = drawdownPeriods({
    dates: ["2024-01-05", "2024-01-08", "2024-01-09"], // Friday, Monday, Tuesday
    value: [100, 99, 100],
  });
  assert.equal(period?.lengthDays, 4);
});

Deno.test("drawdownPeriods() keeps date order among equal depths", () => {
  const periods = drawdownPeriods({ dates: dates(5), value: [100, 50, 100, 50, 100] });
  assert.deepEqual(periods.map((p) => p.peak), ["2024-01-01", "2024-01-03"]);
});

Deno.test("drawdownPeriods() is empty for a rising, a flat and a one-day series", () => {
  assert.deepEqual(drawdownPeriods({ dates: dates(3), value: [1, 2, 3] }), []);
  assert.deepEqual(drawdownPeriods({ dates: dates(3), value: [5, 5, 5] }), []);
  assert.deepEqual(drawdownPeriods({ dates: dates(1), value: [5] }), []);
});

Deno.test("maxDrawdownOf() reports depth 0 and null dates without a drawdown", () => {
  assert.deepEqual(maxDrawdownOf([]), { depth: 0, peak: null, trough: null, recovery: null });
});

Deno.test("drawdownPeriods() throws RangeError on a malformed series", () => {
  assert.throws(
    () => drawdownPeriods({ dates: dates(2), value: [1, Infinity] }),
    RangeError,
  );
});

// Reference: empyrical-reloaded tests/test_stats.py test_max_drawdown (8 decimals).
Deno.test("the deepest drawdown matches empyrical max_drawdown", () => {
  const cases: [number[], number][] = [
    [[0.01, 0.1, -0.04, 0.02, 0.03, 0.02, 0.01, -0.1], -0.1], // mixed_returns
    [[0, -0.06, -0.07, -0.01, -0.09, -0.02, -0.06, -0.08, -0.05], -0.36590730], // negative_returns
    [[-0.02, -0.06, -0.07, -0.01, -0.09, -0.02, -0.06, -0.08, -0.05], -0.378589157], // all_negative
    [[0.1, -0.1, 0.1], -0.1], // udu_returns
  ];
  for (const [returns, expected] of cases) {
    const [deepest] = drawdownPeriods(seriesFromReturns(returns));
    assertClose(deepest?.depth, expected, 1e-8);
  }
});
