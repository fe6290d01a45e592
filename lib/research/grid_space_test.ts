import assert from "node:assert/strict";
import {
  assignmentAt,
  combinationCount,
  expandValues,
  gridCombinations,
  gridParameters,
} from "./grid_space.ts";

Deno.test("expandValues() turns a range into its steps without floating-point tails, to included", () => {
  assert.deepEqual(expandValues({ from: 0.1, to: 0.3, step: 0.1 }, "p"), [0.1, 0.2, 0.3]);
  assert.deepEqual(expandValues({ from: 0.05, to: 0.2, step: 0.05 }, "p"), [0.05, 0.1, 0.15, 0.2]);
  assert.deepEqual(expandValues({ from: 2, to: 9, step: 3 }, "p"), [2, 5, 8]);
  assert.deepEqual(expandValues({ from: 1, to: 1, step: 1 }, "p"), [1]);
  assert.throws(
    () => expandValues({ from: 3, to: 1, step: 1 }, "g.yaml: parameters.x"),
    /g\.yaml: parameters\.x: range must have to >= from/,
  );
  assert.throws(() => expandValues({ from: 0, to: 1, step: 1e-6 }, "p"), /more than 10000/);
});

Deno.test("expandValues() refuses a value listed twice", () => {
  assert.deepEqual(expandValues(["weekly", "monthly"], "p"), ["weekly", "monthly"]);
  assert.throws(
    () => expandValues([0.5, 0.5], "g.yaml: parameters.sizing.minScore"),
    /parameters\.sizing\.minScore: value 0\.5 is listed twice/,
  );
});

Deno.test("gridCombinations() lists the grid with the first parameter slowest", () => {
  const parameters = gridParameters({ a: [1, 2], b: ["x", "y", "z"] }, "p");
  assert.equal(combinationCount(parameters), 6);
  const all = gridCombinations(parameters);
  assert.deepEqual(all.map((c) => `${c.a}${c.b}`), ["1x", "1y", "1z", "2x", "2y", "2z"]);
  assert.deepEqual(assignmentAt(parameters, 4), { a: 2, b: "y" });
});

Deno.test("gridCombinations() with a random search draws distinct combinations, the same for the same seed", () => {
  const parameters = gridParameters({
    a: { from: 1, to: 10, step: 1 },
    b: { from: 1, to: 10, step: 1 },
  }, "p");
  const pick = gridCombinations(parameters, { count: 20, seed: 3 });
  assert.equal(pick.length, 20);
  assert.equal(new Set(pick.map((c) => `${c.a}/${c.b}`)).size, 20);
  assert.deepEqual(gridCombinations(parameters, { count: 20, seed: 3 }), pick);
  assert.notDeepEqual(gridCombinations(parameters, { count: 20, seed: 4 }), pick);
  // A count at or above the grid's size runs the whole grid, in grid order.
  assert.deepEqual(
    gridCombinations(parameters, { count: 500, seed: 3 }),
    gridCombinations(parameters),
  );
});

Deno.test("gridCombinations() samples a grid too large to list by drawing each parameter", () => {
  const big = gridParameters(
    Object.fromEntries(
      Array.from({ length: 7 }, (_, i) => [`p${i}`, { from: 1, to: 10, step: 1 }]),
    ),
    "p",
  );
  assert.equal(combinationCount(big), 1e7);
  const pick = gridCombinations(big, { count: 50, seed: 1 });
  assert.equal(new Set(pick.map((c) => JSON.stringify(c))).size, 50);
  assert.deepEqual(gridCombinations(big, { count: 50, seed: 1 }), pick);
  assert.throws(
    () =>
      gridCombinations(
        gridParameters({
          ...Object.fromEntries(
            Array.from({ length: 8 }, (_, i) => [`q${i}`, { from: 1, to: 10, step: 1 }]),
          ),
        }, "p"),
      ),
    /too many to run them all; sample it with --random N/,
  );
});
