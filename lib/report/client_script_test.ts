import assert from "node:assert/strict";
import { CLIENT_FUNCTION_NAMES, CLIENT_SCRIPT } from "./client_script.ts";

Deno.test("the client script is valid JavaScript without module syntax", () => {
  assert.doesNotThrow(() => new Function(CLIENT_SCRIPT));
  assert.doesNotMatch(CLIENT_SCRIPT, /^\s*(import|export)\s/m);
});

Deno.test("every report* function the client script calls is inlined in it", () => {
  const called = new Set(
    [...CLIENT_SCRIPT.matchAll(/\b(report[A-Z]\w*)\s*\(/g)].map((m) => m[1] ?? ""),
  );
  const missing = [...called].filter((name) => !CLIENT_FUNCTION_NAMES.includes(name));
  assert.deepEqual(missing, []);
  assert.equal(new Set(CLIENT_FUNCTION_NAMES).size, CLIENT_FUNCTION_NAMES.length);
});
