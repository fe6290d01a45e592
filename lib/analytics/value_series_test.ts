import assert from "node:assert/strict";
import { checkValueSeries, simpleReturns } from "./value_series.ts";

Deno.test("simpleReturns() divides each value by the one before, less one", () => {
  // hand calculation: 110/100 - 1 = 0.1, 99/110 - 1 = -0.1, 99/99 - 1 = 0
  assert.deepEqual(Array.from(simpleReturns([100, 110, 99, 99])), [110 / 100 - 1, 99 / 110 - 1, 0]);
  assert.equal(simpleReturns([100]).length, 0);
});

Deno.test("checkValueSeries() returns the day numbers of the dates", () => {
  const checked = checkValueSeries({ dates: ["1970-01-02", "1970-01-05"], value: [1, 2] }, "test");
  assert.deepEqual(Array.from(checked.days), [1, 4]);
});

Deno.test("checkValueSeries() names the first problem in a RangeError", () => {
  const cases: [string[], number[], RegExp][] = [
    [
      ["2024-01-01"],
      [1, 2],
      /dates and value must have the same length: current lengths are 1 and 2/,
    ],
    [[], [], /at least one value: it is empty/],
    [
      ["2024-02-30"],
      [1],
      /dates\[0\] must be an ISO date \(YYYY-MM-DD\): current value is "2024-02-30"/,
    ],
    [
      ["2024-01-02", "2024-01-02"],
      [1, 1],
      /strictly ascending: dates\[1\] "2024-01-02" follows "2024-01-02"/,
    ],
    [["2024-01-02", "2024-01-01"], [1, 1], /strictly ascending/],
    [
      ["2024-01-01", "2024-01-02"],
      [1, 0],
      /value\[1\] must be a finite number above 0: current value is 0/,
    ],
    [["2024-01-01"], [NaN], /value\[0\] must be a finite number above 0: current value is NaN/],
    [["2024-01-01"], [-5], /current value is -5/],
  ];
  for (const [dates, value, message] of cases) {
    assert.throws(() => checkValueSeries({ dates, value }, "compute x"), (error: unknown) => {
      assert.ok(error instanceof RangeError);
      assert.match(error.message, /^Cannot compute x as /);
      assert.match(error.message, message);
      return true;
    });
  }
});
