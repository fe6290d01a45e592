import assert from "node:assert/strict";
import { crossFieldProblems } from "./cross_field.ts";
import { validateConfig } from "./load.ts";

Deno.test("crossFieldProblems() finds a bucket limit below the position cap and an end before the start", () => {
  const problems = crossFieldProblems({
    run: { start: "2020-02-01", end: "2019-01-01" },
    sizing: { maxSingle: 0.5, maxBucketWeight: 0.4 },
    scoring: { technicalWeight: 0, fundamentalWeight: 0 },
    buckets: {
      map: { Gold: ["GLD"] },
      regimeMap: { Deflation: ["Gold", "Bonds"] },
      allowed: ["Oil"],
    },
  });
  assert.deepEqual(problems.map((p) => p.path.join(".")), [
    "sizing.maxBucketWeight",
    "scoring.technicalWeight",
    "buckets.regimeMap.Deflation",
    "buckets.allowed",
    "run.end",
  ]);
});

Deno.test("crossFieldProblems() stays silent on fields that are bad on their own", () => {
  assert.deepEqual(
    crossFieldProblems({
      run: { start: "2020-13-01", end: "2019-01-01" },
      sizing: { maxSingle: "abc", maxBucketWeight: 0.1 },
      buckets: 5,
    }),
    [],
  );
  assert.deepEqual(crossFieldProblems(null), []);
});

Deno.test("validateConfig() lists field and cross-field problems together", () => {
  assert.throws(
    () => validateConfig({ run: { cash: -1, start: "2020-02-01", end: "2019-01-01" } }, "f.yaml"),
    (error: Error) =>
      /f\.yaml: run\.cash: must be > 0/.test(error.message) &&
      /f\.yaml: run\.end: must not be before run\.start/.test(error.message),
  );
});
