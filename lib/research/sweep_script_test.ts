import assert from "node:assert/strict";
import { SWEEP_FUNCTION_NAMES, SWEEP_SCRIPT } from "./sweep_script.ts";

Deno.test("the sweep page's script is valid JavaScript without module syntax", () => {
  assert.doesNotThrow(() => new Function(SWEEP_SCRIPT));
  assert.doesNotMatch(SWEEP_SCRIPT, /^\s*(import|export)\s/m);
});

Deno.test("every report* and sweep* function the sweep page's script calls is inlined in it", () => {
  const called = new Set(
    [...SWEEP_SCRIPT.matchAll(/\b((?:report|sweep)[A-Z]\w*)\s*\(/g)].map((m) => m[1] ?? ""),
  );
  const missing = [...called].filter((name) => !SWEEP_FUNCTION_NAMES.includes(name));
  assert.deepEqual(missing, []);
  assert.equal(new Set(SWEEP_FUNCTION_NAMES).size, SWEEP_FUNCTION_NAMES.length);
});
