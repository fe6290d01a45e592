import assert from "node:assert/strict";
import fc from "fast-check";
import { MAX_SHAPLEY_PLAYERS, shapleyValues } from "./shapley.ts";

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

Deno.test("shapleyValues() splits the glove game as Shapley's paper does: 2/3 to the scarce side", () => {
  // One left glove (player 0), two right gloves (1, 2): a pair is worth 1. By hand over the six
  // orders, player 0 completes a pair in four of them: 4/6; each right glove in one: 1/6.
  const v = (mask: number) => ((mask & 1) !== 0 && (mask & 0b110) !== 0 ? 1 : 0);
  const phi = shapleyValues(3, v);
  assert.ok(close(phi[0] ?? NaN, 2 / 3));
  assert.ok(close(phi[1] ?? NaN, 1 / 6));
  assert.ok(close(phi[2] ?? NaN, 1 / 6));
});

Deno.test("shapleyValues() of an additive game gives each player its own worth", () => {
  const worth = [0.3, -0.1, 0.25, 0];
  const v = (mask: number) => worth.reduce((s, w, i) => s + ((mask >> i) & 1 ? w : 0), 0);
  assert.deepEqual([...shapleyValues(4, v)].map((x) => Math.round(x * 1e12) / 1e12), worth);
});

Deno.test("shapleyValues() values each coalition once", () => {
  let calls = 0;
  shapleyValues(5, () => ++calls);
  assert.equal(calls, 32);
});

Deno.test("shapleyValues() shares add up to v(all) - v(none), and a dummy player gets 0 (property)", () => {
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 6 }),
    fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 64, maxLength: 64 }),
    (n, table) => {
      // Player n - 1 is a dummy: the value ignores its bit.
      const dummy = 1 << (n - 1);
      const v = (mask: number) => table[mask & ~dummy] ?? 0;
      const phi = shapleyValues(n, v);
      const sum = phi.reduce((a, b) => a + b, 0);
      return close(sum, v((1 << n) - 1) - v(0)) && close(phi[n - 1] ?? NaN, 0);
    },
  ));
});

Deno.test("shapleyValues() refuses more players than it enumerates", () => {
  assert.throws(
    () => shapleyValues(MAX_SHAPLEY_PLAYERS + 1, () => 0),
    /players must be an integer in \[0, 16\]: current value is 17/,
  );
  assert.deepEqual([...shapleyValues(0, () => 1)], []);
});
