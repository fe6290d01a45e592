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
  assert.deepEqual(problemsOf(() => checkRunResult({ ...roundTrip(), version: 3 }, "r.json")), [
    "r.json: result version 3 is not supported (this report reads versions 1 and 2)",
  ]);
});

/** The synthetic result as version 1 wrote it: one benchmark of closes, no notes. */
function versionOne() {
  const { benchmarks, benchmarkNotes: _, ...rest } = roundTrip();
  return { ...rest, version: 1, benchmark: { ticker: "SPY", value: benchmarks[0].value } };
}

Deno.test("checkRunResult() reads a version 1 result, its benchmark first in benchmarks", () => {
  const old = versionOne();
  old.benchmark.value[0] = null; // version 1 wrote null before the ticker's first price
  const result = checkRunResult(old, "old.json");
  assert.equal(result.version, 2);
  assert.deepEqual(result.benchmarks, [{
    name: "SPY",
    weights: { SPY: 1 },
    rebalance: "never",
    value: old.benchmark.value,
    metrics: null,
  }]);
  assert.deepEqual(result.benchmarkNotes, []);
  assert.deepEqual(result.metrics, old.metrics);
  const none = checkRunResult({ ...versionOne(), benchmark: null }, "old.json");
  assert.deepEqual(none.benchmarks, []);
});

Deno.test("checkRunResult() checks a version 1 result's columns at their own paths", () => {
  const old = versionOne();
  old.benchmark.value.pop();
  assert.deepEqual(problemsOf(() => checkRunResult(old, "old.json")), [
    "old.json: benchmark.value: has 399 entries for 400 dates",
  ]);
});

Deno.test("checkRunResult() checks that each benchmark's values match the dates", () => {
  const broken = roundTrip();
  broken.benchmarks[1].value.pop();
  assert.deepEqual(problemsOf(() => checkRunResult(broken, "r.json")), [
    "r.json: benchmarks.1.value: has 399 entries for 400 dates",
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
