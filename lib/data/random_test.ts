import assert from "node:assert/strict";
import { createRandom } from "./random.ts";

const draws = (n: number, f: () => number) => Array.from({ length: n }, f);

Deno.test("createRandom() repeats the same sequence for the same seed and stream", () => {
  const a = createRandom(42, "x"), b = createRandom(42, "x");
  assert.deepEqual(draws(100, a.next), draws(100, b.next));
  assert.deepEqual(draws(100, a.normal), draws(100, b.normal));
});

Deno.test("createRandom() gives different sequences for different seeds or streams", () => {
  const first = (seed: number, stream: string) => draws(4, createRandom(seed, stream).next);
  assert.notDeepEqual(first(42, "x"), first(43, "x"));
  assert.notDeepEqual(first(42, "x"), first(42, "y"));
  assert.notDeepEqual(first(0, ""), first(2 ** 32, ""));
});

Deno.test("next() is uniform on [0, 1): mean 1/2 and variance 1/12 within 5 standard errors", () => {
  const n = 100_000, xs = draws(n, createRandom(7).next);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  // Standard error of the mean: sqrt(1/12 / n) ~ 0.00091; of the variance: sqrt(1/180 / n) ~ 0.00024.
  assert.ok(Math.abs(mean - 0.5) < 5 * 0.00091, `mean ${mean}`);
  assert.ok(Math.abs(variance - 1 / 12) < 5 * 0.00024, `variance ${variance}`);
});

Deno.test("normal() has mean 0 and variance 1 within 5 standard errors", () => {
  const n = 100_000, zs = draws(n, createRandom(11).normal);
  const mean = zs.reduce((a, b) => a + b, 0) / n;
  const variance = zs.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  // Standard error of the mean: 1/sqrt(n) ~ 0.0032; of the variance: sqrt(2/n) ~ 0.0045.
  assert.ok(Math.abs(mean) < 5 * 0.0032, `mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 5 * 0.0045, `variance ${variance}`);
});

Deno.test("int() draws every value of an inclusive range and rejects an empty one", () => {
  const r = createRandom(3);
  const seen = new Set(draws(1000, () => r.int(-2, 2)));
  assert.deepEqual([...seen].sort(), [-1, -2, 0, 1, 2].sort());
  assert.throws(() => r.int(3, 2), RangeError);
  assert.throws(() => createRandom(0.5), RangeError);
});
