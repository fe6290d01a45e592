import assert from "node:assert/strict";
import { pipeline, skip, type Stage } from "./pipeline.ts";

const addA: Stage<{ base: number }, { a: number }> = { name: "a", run: (c) => ({ a: c.base + 1 }) };
const addB: Stage<{ a: number }, { b: number }> = { name: "b", run: (c) => ({ b: c.a * 10 }) };

Deno.test("pipeline() runs stages in order, each seeing what earlier ones added", () => {
  const out = pipeline<{ base: number }>().then(addA).then(addB).run({ base: 1 });
  assert.ok(out.ok);
  assert.deepEqual(out.ctx, { base: 1, a: 2, b: 20 });
  assert.deepEqual(out.ran, ["a", "b"]);
});

Deno.test("pipeline() stops at a skip and reports the stage and reason", () => {
  const never: Stage<{ a: number }, { c: number }> = {
    name: "never",
    run: () => assert.fail("must not run after a skip"),
  };
  const stop: Stage<{ a: number }, object> = {
    name: "stop",
    run: () => skip("stop", "no trading"),
  };
  const out = pipeline<{ base: number }>().then(addA).then(stop).then(never).run({ base: 0 });
  assert.ok(!out.ok);
  assert.deepEqual(out.skip, { skip: true, stage: "stop", reason: "no trading" });
  assert.deepEqual(out.ran, ["a", "stop"]);
});

Deno.test("pipeline() refuses at compile time a stage whose needs come later", () => {
  // @ts-expect-error: addB needs `a`, which only addA provides.
  const wrong = pipeline<{ base: number }>().then(addB);
  assert.deepEqual(wrong.names, ["b"]);
});

Deno.test("pipeline() does not change the base context it is given", () => {
  const base = { base: 5 };
  pipeline<{ base: number }>().then(addA).run(base);
  assert.deepEqual(base, { base: 5 });
});
