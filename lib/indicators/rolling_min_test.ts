/** Tests of {@link rollingMin}. @module */
import assert from "node:assert/strict";
import { _prng } from "./_test_bars.ts";
import { rollingMin } from "./rolling_min.ts";

Deno.test("rollingMin() equals the naive minimum of the last valid values", () => {
  const next = _prng(21);
  const x = Float64Array.from({ length: 3_000 }, () => (next() < 0.1 ? NaN : next()));
  for (const period of [1, 2, 7, 50]) {
    const out = rollingMin(x, { period });
    const window: number[] = [];
    x.forEach((v, i) => {
      if (Number.isNaN(v)) return assert.ok(Number.isNaN(out[i]));
      window.push(v);
      if (window.length > period) window.shift();
      const expected = window.length === period ? Math.min(...window) : NaN;
      assert.ok(Object.is(out[i], expected), `period ${period} index ${i}`);
    });
  }
});
