import assert from "node:assert/strict";
import fc from "fast-check";
import { allocateFallback } from "./fallback.ts";
import { proposedExposure, proposeWeights } from "./sizing.ts";

const c = (ticker: string, score: number, buckets = ["Fixed Income"]) => ({
  ticker,
  score,
  buckets,
});
const sum = (w: Readonly<Record<string, number>>) => Object.values(w).reduce((a, b) => a + b, 0);
const close = (a: number, b: number) => Math.abs(a - b) < 1e-12;

Deno.test("allocateFallback() shares equally, caps each member, and leaves the rest in cash", () => {
  // 0.9 to two members capped at 0.5 in all: AGG holds 0.2 already, so it takes 0.3 and IEF
  // takes the 0.5 it has room for; 0.1 stays in cash.
  const out = allocateFallback([c("AGG", 0.8), c("IEF", 0.7)], { AGG: 0.2 }, 0.9);
  assert.ok(close(out.added.AGG ?? NaN, 0.3));
  assert.ok(close(out.added.IEF ?? NaN, 0.5));
  assert.ok(close(out.allocated, 0.8));
});

Deno.test("allocateFallback() gives nothing when no member reaches its minimum score", () => {
  const out = allocateFallback([c("TLT", 0.4), c("IEF", 0.59)], {}, 0.5);
  assert.deepEqual(out.added, {});
  assert.equal(out.allocated, 0);
  assert.deepEqual(out.passed.map((p) => p.reason), [
    "score 0.590 < 0.6 fallback minimum",
    "score 0.400 < 0.6 fallback minimum",
  ]);
});

Deno.test("allocateFallback() takes the best-scored members, held ones first", () => {
  const members = [c("TLT", 0.9), c("IEF", 0.8), c("SHY", 0.7)];
  assert.deepEqual(Object.keys(allocateFallback(members, {}, 0.4, { members: 1 }).added), ["TLT"]);
  const held = allocateFallback(members, {}, 0.4, { members: 1 }, ["SHY"]);
  assert.deepEqual(held.added, { SHY: 0.4 });
  assert.equal(
    held.passed.find((p) => p.ticker === "TLT")?.reason,
    "not among the 1 members chosen",
  );
});

Deno.test("allocateFallback() refuses bad options", () => {
  assert.throws(
    () => allocateFallback([], {}, 0.1, { members: 0 }),
    /members must be an integer >= 1/,
  );
  assert.throws(() => allocateFallback([], {}, 0.1, { maxSingle: 0 }), /maxSingle must be/);
});

Deno.test("proposeWeights() gives the fallback what caps and limits left, after the residual", () => {
  // One selected asset at the 0.15 cap; the fallback takes the other 0.80 in two halves.
  const proposal = proposeWeights({
    candidates: [c("QQQ", 0.9, ["Growth Assets"])],
    fallback: { candidates: [c("AGG", 0.7), c("IEF", 0.65), c("HYG", 0.3)] },
  });
  assert.equal(proposal.weights.QQQ, 0.15);
  assert.ok(close(proposal.weights.AGG ?? NaN, 0.4));
  assert.ok(close(proposal.weights.IEF ?? NaN, 0.4));
  assert.ok(close(proposal.fallback?.allocated ?? NaN, 0.8));
  assert.ok(proposal.residual < 1e-12);
  // Without fallback candidates the seed's rule: the 0.80 stays in cash.
  const seed = proposeWeights({ candidates: [c("QQQ", 0.9, ["Growth Assets"])] });
  assert.equal(seed.fallback, undefined);
  assert.ok(close(seed.residual, 0.8));
});

Deno.test("proposeWeights() leaves a residual under the threshold to cash even with a fallback", () => {
  // Seven assets in seven buckets have 7 x 0.15 = 1.05 of room: normalisation reaches the 0.95
  // target, and nothing is left for the fallback.
  const candidates = ["A", "B", "C", "D", "E", "F", "G"].map((t) => c(t, 0.8, [t]));
  const proposal = proposeWeights({ candidates, fallback: { candidates: [c("AGG", 0.9)] } });
  assert.equal(proposal.fallback?.allocated, 0);
  assert.ok(close(sum(proposal.weights), 0.95));
});

Deno.test("proposedExposure() is the sum of proposeWeights' weights without a fallback (property)", () => {
  const names = ["A", "B", "C", "D", "E", "F"];
  fc.assert(fc.property(
    fc.uniqueArray(
      fc.record({
        ticker: fc.constantFrom(...names),
        score: fc.double({ min: 0, max: 1, noNaN: true }),
        buckets: fc.subarray(["X", "Y", "Z"]),
      }),
      { selector: (x) => x.ticker },
    ),
    fc.record({
      minScore: fc.double({ min: 0, max: 1, noNaN: true }),
      maxBucketPositions: fc.integer({ min: 1, max: 4 }),
      maxBucketWeight: fc.double({ min: 0.15, max: 1, noNaN: true }),
      residual: fc.constantFrom("safe_top_slice", "proportional", "cash" as const),
    }),
    (candidates, options) =>
      proposedExposure({ candidates }, options) ===
        sum(proposeWeights({ candidates }, options).weights),
  ));
});
