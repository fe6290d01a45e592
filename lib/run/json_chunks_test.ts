import assert from "node:assert/strict";
import fc from "fast-check";
import { jsonChunks } from "./json_chunks.ts";

const joined = (value: unknown, depth?: number, elements?: number) =>
  [...jsonChunks(value, depth, elements)].join("");

Deno.test("jsonChunks() joins to exactly JSON.stringify() for any JSON-like value", () => {
  // Reference: JSON.stringify itself, on values fast-check generates (objects, arrays, numbers, strings, null).
  fc.assert(
    fc.property(
      fc.jsonValue(),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 1, max: 5 }),
      (v, d, n) => {
        assert.equal(joined(v, d, n), JSON.stringify(v));
      },
    ),
  );
});

Deno.test("jsonChunks() drops what JSON.stringify drops and keeps toJSON, typed arrays and holes", () => {
  const value = {
    gone: undefined,
    fn: () => 1,
    when: new Date(Date.UTC(2020, 0, 2)),
    typed: new Float64Array([1.5, NaN]),
    holes: [1, , 3, undefined, 5, Infinity],
    empty: {},
    emptyList: [],
    nested: { list: Array.from({ length: 7 }, (_, i) => ({ i, x: i / 3 })) },
    'quoted "key"': "é\u2028",
  };
  for (const depth of [0, 1, 2, 5]) {
    for (const elements of [1, 2, 3, 100]) {
      assert.equal(joined(value, depth, elements), JSON.stringify(value));
    }
  }
});

Deno.test("jsonChunks() cuts a long array into slices of the given size", () => {
  const list = Array.from({ length: 10 }, (_, i) => i);
  // Hand count: 10 elements in slices of 4 give 3 pieces: "[0,1,2,3", ",4,5,6,7", ",8,9]".
  assert.deepEqual([...jsonChunks(list, 2, 4)], ["[0,1,2,3", ",4,5,6,7", ",8,9]"]);
});
