/** Tests of {@link atr} and {@link trueRange}. @module */
import assert from "node:assert/strict";
import { atr } from "./atr.ts";
import { trueRange } from "./true_range.ts";

Deno.test("trueRange() widens the range to a previous close outside it (a gap down)", () => {
  const out = trueRange({
    high: Float64Array.from([20, 15]),
    low: Float64Array.from([18, 14]),
    close: Float64Array.from([19, 14.5]),
  });
  // Gap down: max(15, 19) - min(14, 19) = 5.
  assert.equal(out[1], 5);
});

Deno.test("atr() skips a missing bar and measures the next one from the last known close", () => {
  const bars = {
    high: Float64Array.from([11, NaN, 13, 13]),
    low: Float64Array.from([9, NaN, 12, 12]),
    close: Float64Array.from([10, NaN, 12.5, 12.5]),
  };
  // TR of bar 2 against close 10: 13 - 10 = 3; bar 3: 13 - 12 = 1 => (3 + 1) / 2 = 2.
  assert.deepEqual([...atr(bars, { period: 2 })], [NaN, NaN, NaN, 2]);
});
