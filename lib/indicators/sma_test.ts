/** Tests of {@link sma}. @module */
import assert from "node:assert/strict";
import { _prng } from "./_test_bars.ts";
import { sma } from "./sma.ts";

Deno.test("sma() equals the direct mean of the window over a long noisy series", () => {
  // Hand rule: mean of the last 50 values, computed directly for each index.
  const next = _prng(5);
  const x = Float64Array.from({ length: 20_000 }, () => 1e4 + next() * 1e3);
  const out = sma(x, { period: 50 });
  for (let i = 49; i < x.length; i += 97) {
    let s = 0;
    for (let j = i - 49; j <= i; j++) s += x[j] as number;
    assert.ok(Math.abs((out[i] as number) - s / 50) <= 1e-12 * (s / 50), `index ${i}`);
  }
});

Deno.test("sma() of period 1 is the series itself, NaN where missing", () => {
  const x = Float64Array.from([3, NaN, 5]);
  assert.deepEqual([...sma(x, { period: 1 })], [3, NaN, 5]);
});
