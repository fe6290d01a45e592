import assert from "node:assert/strict";
import { runIdOf, sessionIdOf, traceIdOf } from "./ids.ts";

// Expected values from coreutils: `printf 'c1:d1' | sha256sum` and `printf 'r1/1' | sha256sum`.
Deno.test("runIdOf() is the first 16 hex digits of SHA-256 of configHash:dataHash", () => {
  assert.equal(runIdOf("c1", "d1"), "94439aa548a83893");
});

Deno.test("traceIdOf() is the first 16 hex digits of SHA-256 of runId/seq, 0 being the run", () => {
  assert.equal(traceIdOf("r1", 0), "1fbadf253aff1859");
  assert.equal(traceIdOf("r1", 1), "9ad30511624b3309");
});

Deno.test("sessionIdOf() joins run id and sequence", () => {
  assert.equal(sessionIdOf("r1", 42), "r1/42");
});
