import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { checkRunResult } from "./run_result_schema.ts";
import { syntheticRunResult } from "./testdata/synthetic_run_result.ts";

const RESULT = syntheticRunResult({ assets: 20, days: 400 });
const roundTrip = () => JSON.parse(JSON.stringify(RESULT));

/** The problems of the InputError that `check` throws. */
function problemsOf(check: () => unknown): readonly string[] {
  try {
    check();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error("expected an InputError");
}

Deno.test("checkRunResult() accepts a result written as JSON and gives it back unchanged", () => {
  assert.deepEqual(checkRunResult(roundTrip(), "r.json"), roundTrip());
});

Deno.test("checkRunResult() reads a result written before wholeShareCash was recorded as null", () => {
  const { wholeShareCash: _, ...older } = { ...roundTrip(), wholeShareCash: { rebalances: 1 } };
  assert.equal(checkRunResult(older, "r.json").wholeShareCash, null);
});

Deno.test("checkRunResult() names a result of another version in one line", () => {
  assert.deepEqual(problemsOf(() => checkRunResult({ ...roundTrip(), version: 2 }, "r.json")), [
    "r.json: result version 2 is not supported (this report reads version 1)",
  ]);
});

Deno.test("checkRunResult() refuses JSON that is not a result", () => {
  assert.throws(() => checkRunResult([1, 2], "a.json"), InputError, "a.json: not a run result");
  assert.throws(
    () => checkRunResult({ imports: {} }, "deno.json"),
    InputError,
    "no version, equity or metrics",
  );
});

Deno.test("checkRunResult() lists each problem with its path", () => {
  const broken = roundTrip();
  broken.equity.value.pop();
  broken.trades[0].entryDate = "yesterday";
  delete broken.metrics.sharpe;
  const problems = problemsOf(() => checkRunResult(broken, "r.json"));
  assert.ok(problems.some((p) => p.startsWith("r.json: trades.0.entryDate: expected an ISO date")));
  assert.ok(problems.some((p) => p.startsWith("r.json: metrics.sharpe:")));
});

Deno.test("checkRunResult() checks that columns match their dates", () => {
  const broken = roundTrip();
  broken.equity.cash.pop();
  assert.deepEqual(problemsOf(() => checkRunResult(broken, "r.json")), [
    "r.json: equity.cash: has 399 entries for 400 dates",
  ]);
});
