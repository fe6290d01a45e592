import assert from "node:assert/strict";
import { WALK_FORWARD_FUNCTION_NAMES, WALK_FORWARD_SCRIPT } from "./walk_forward_script.ts";

Deno.test("the walk-forward page's script is valid JavaScript without module syntax", () => {
  assert.doesNotThrow(() => new Function(WALK_FORWARD_SCRIPT));
  assert.doesNotMatch(WALK_FORWARD_SCRIPT, /^\s*(import|export)\s/m);
});

Deno.test("every report*, sweep* and wf* function the walk-forward script calls is inlined in it", () => {
  const called = new Set(
    [...WALK_FORWARD_SCRIPT.matchAll(/\b((?:report|sweep|wf)[A-Z]\w*)\s*\(/g)].map((m) =>
      m[1] ?? ""
    ),
  );
  const missing = [...called].filter((name) => !WALK_FORWARD_FUNCTION_NAMES.includes(name));
  assert.deepEqual(missing, []);
  assert.equal(new Set(WALK_FORWARD_FUNCTION_NAMES).size, WALK_FORWARD_FUNCTION_NAMES.length);
});
