/** Tests of {@link maAlignment}. @module */
import assert from "node:assert/strict";
import { _randomBars } from "./_test_bars.ts";
import { maAlignment } from "./ma_alignment.ts";
import { sma } from "./sma.ts";

/**
 * With periods 1, 2, 3 the averages of [a, b, c] are F = c, M = (b + c) / 2 and
 * S = (a + b + c) / 3, so every order can be built by hand.
 */
function score(a: number, b: number, c: number): number {
  return maAlignment(Float64Array.from([a, b, c]), { fast: 1, mid: 2, slow: 3 })[2] as number;
}

Deno.test("maAlignment() scores every order of the three averages", () => {
  assert.equal(score(1, 2, 3), 1); // F 3 > M 2.5 > S 2
  assert.equal(score(10, 0, 6), 1 / 3); // F 6 > S 5.33 > M 3
  assert.equal(score(0, 10, 6), 1 / 3); // M 8 > F 6 > S 5.33
  assert.equal(score(10, 0, 4), -1 / 3); // S 4.67 > F 4 > M 2
  assert.equal(score(2, 10, 0), -1 / 3); // M 5 > S 4 > F 0
  assert.equal(score(3, 2, 1), -1); // S 2 > M 1.5 > F 1
  assert.equal(score(1, 1, 1), 0); // all equal
});

Deno.test("maAlignment() equals the score built from three sma() lines", () => {
  const close = _randomBars(12, 2_000).close.map((x, i) => (i % 29 === 3 ? NaN : x));
  const f = sma(close, { period: 20 }), m = sma(close, { period: 50 });
  const s = sma(close, { period: 200 });
  const out = maAlignment(close);
  for (let i = 0; i < close.length; i++) {
    const a = f[i] as number, b = m[i] as number, c = s[i] as number;
    const expected = (Math.sign(a - b) + Math.sign(b - c) + Math.sign(a - c)) / 3;
    assert.ok(Object.is(out[i], expected), `index ${i}: ${out[i]} vs ${expected}`);
  }
});
