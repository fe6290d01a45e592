/** Tests of {@link ema}. @module */
import assert from "node:assert/strict";
import { ema } from "./ema.ts";

Deno.test("ema() follows alpha = 2 / (period + 1) after its SMA seed (hand calculation)", () => {
  // period 4 => alpha 0.4; seed mean(2, 4, 6, 8) = 5; then 5 + 0.4 (10 - 5) = 7; 7 + 0.4 (2 - 7) = 5.
  const out = ema(Float64Array.from([2, 4, 6, 8, 10, 2]), { period: 4 });
  assert.deepEqual([...out.subarray(0, 3)], [NaN, NaN, NaN]);
  assert.equal(out[3], 5);
  assert.ok(Math.abs((out[4] as number) - 7) < 1e-12);
  assert.ok(Math.abs((out[5] as number) - 5) < 1e-12);
});

Deno.test("ema() ignores NaN during its warm-up: the seed averages valid values only", () => {
  const out = ema(Float64Array.from([NaN, 1, NaN, 3]), { period: 2 });
  assert.deepEqual([...out], [NaN, NaN, NaN, 2]);
});
