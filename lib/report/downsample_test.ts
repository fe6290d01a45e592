import assert from "node:assert/strict";
import fc from "fast-check";
import { extremaIndices, strideIndices } from "./downsample.ts";

Deno.test("extremaIndices() returns every index of a series no longer than maxPoints", () => {
  assert.deepEqual(extremaIndices([[3, 1, 2]], 10), [0, 1, 2]);
});

Deno.test("extremaIndices() keeps the first, last, global minimum and maximum of each series, within the budget", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 30, maxLength: 400 }),
      fc.integer({ min: 10, max: 60 }),
      (values, maxPoints) => {
        const mirrored = values.map((v) => -v);
        const picked = extremaIndices([values, mirrored], maxPoints);
        assert.ok(picked.length <= Math.max(maxPoints, values.length));
        assert.deepEqual(picked, [...new Set(picked)].sort((a, b) => a - b));
        assert.equal(picked[0], 0);
        assert.equal(picked.at(-1), values.length - 1);
        const low = Math.min(...values), high = Math.max(...values);
        assert.ok(picked.some((i) => values[i] === low), "global minimum kept");
        assert.ok(picked.some((i) => values[i] === high), "global maximum kept");
      },
    ),
  );
});

Deno.test("extremaIndices() skips nulls and always keeps the indices asked for", () => {
  const values: (number | null)[] = Array.from({ length: 100 }, (_, i) => (i < 50 ? null : i));
  const picked = extremaIndices([values], 10, [7]);
  assert.ok(picked.includes(7));
  for (const i of picked) if (i !== 0 && i !== 7) assert.notEqual(values[i], null);
});

Deno.test("extremaIndices() refuses a budget too small for its series", () => {
  assert.throws(() => extremaIndices([[1], [2]], 9), RangeError, "at least 10");
});

Deno.test("strideIndices() spreads the points evenly from first to last", () => {
  // step (101 - 1) / (5 - 1) = 25
  assert.deepEqual(strideIndices(101, 5), [0, 25, 50, 75, 100]);
  assert.throws(() => strideIndices(10, 1), RangeError);
});
