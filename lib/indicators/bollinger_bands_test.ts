/** Tests of {@link bollingerBands}. @module */
import assert from "node:assert/strict";
import { _prng } from "./_test_bars.ts";
import { bollingerBands } from "./bollinger_bands.ts";

/** Two-pass population standard deviation of x[from..to], the textbook formula. */
function directSigma(x: Float64Array, from: number, to: number): number {
  let mean = 0;
  for (let j = from; j <= to; j++) mean += x[j] as number;
  mean /= to - from + 1;
  let ss = 0;
  for (let j = from; j <= to; j++) ss += ((x[j] as number) - mean) ** 2;
  return Math.sqrt(ss / (to - from + 1));
}

Deno.test("bollingerBands() keeps sigma accurate on a high price with tiny moves", () => {
  // Price near 1e6 moving by about 1e-3: a naive E[x^2] - E[x]^2 loses every digit.
  const next = _prng(9);
  const x = Float64Array.from({ length: 5_000 }, (_, i) => 1e6 + i * 0.01 + next() * 1e-3);
  const out = bollingerBands(x, { period: 20, stdDev: 1 });
  for (let i = 19; i < x.length; i += 61) {
    const sigma = directSigma(x, i - 19, i);
    const got = (out.upper[i] as number) - (out.middle[i] as number);
    assert.ok(Math.abs(got - sigma) <= 1e-6 * sigma, `index ${i}: ${got} vs ${sigma}`);
  }
});

Deno.test("bollingerBands() gives %b 0.5 and width 0 where the bands collapse", () => {
  const out = bollingerBands(new Float64Array(5).fill(7), { period: 3 });
  assert.deepEqual([out.upper[4], out.lower[4], out.width[4], out.percentB[4]], [7, 7, 0, 0.5]);
});
