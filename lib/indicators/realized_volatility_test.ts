/** Tests of {@link realizedVolatility}. @module */
import assert from "node:assert/strict";
import { _randomBars } from "./_test_bars.ts";
import { realizedVolatility } from "./realized_volatility.ts";

Deno.test("realizedVolatility() is sqrt(252) times the sample stdev of the last log returns", () => {
  const { close } = _randomBars(4, 500);
  const out = realizedVolatility(close, { period: 20 });
  for (let i = 20; i < close.length; i += 37) {
    const r: number[] = [];
    for (let j = i - 19; j <= i; j++) {
      r.push(Math.log((close[j] as number) / (close[j - 1] as number)));
    }
    const mean = r.reduce((a, b) => a + b, 0) / 20;
    const variance = r.reduce((a, b) => a + (b - mean) ** 2, 0) / 19;
    const expected = Math.sqrt(252 * variance);
    assert.ok(Math.abs((out[i] as number) - expected) < 1e-12 * expected, `index ${i}`);
  }
});

Deno.test("realizedVolatility() treats a non-positive price as missing", () => {
  const out = realizedVolatility(Float64Array.from([1, 2, 0, -3, 1]), {
    period: 2,
    periodsPerYear: 1,
  });
  // Returns used: ln 2 (1 -> 2) and -ln 2 (2 -> 1, skipping 0 and -3).
  assert.deepEqual([out[2], out[3]], [NaN, NaN]);
  assert.ok(Math.abs((out[4] as number) - Math.SQRT2 * Math.LN2) < 1e-12);
});
