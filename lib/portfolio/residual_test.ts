import assert from "node:assert/strict";
import { assertNear } from "./_assert_near.ts";
import { allocateResidual, type ResidualMember } from "./residual.ts";

// Expected values: each strategy of the module doc worked by hand.

const m = (
  ticker: string,
  score: number,
  buckets: string[],
  cap = 0.15,
  bucketExempt = false,
): ResidualMember => ({ ticker, score, buckets, bucketExempt, cap });
const near = (actual: Float64Array, expected: number[]) =>
  expected.forEach((e, i) => assertNear(actual[i], e, 1e-12, `weight ${i}`));

Deno.test("safe_top_slice respects bucket room: the top asset fills its bucket, the next gets the rest", () => {
  // Bucket G holds 0.20 + 0.18 = 0.38 of 0.40: A takes 0.02 (cap room 0.05), B none;
  // C takes the remaining 0.08 (its room is 0.10).
  const members = [m("A", 0.9, ["G"], 0.25), m("B", 0.8, ["G"], 0.25), m("C", 0.7, ["H"])];
  const out = allocateResidual(
    Float64Array.of(0.2, 0.18, 0.05),
    members,
    0.1,
    "safe_top_slice",
    0.4,
  );
  near(out.weights, [0.22, 0.18, 0.13]);
  assertNear(out.allocated, 0.1);
});

Deno.test("safe_top_slice keeps in cash what nobody has room for", () => {
  const members = [m("A", 0.9, ["G"]), m("B", 0.8, ["H"])];
  const out = allocateResidual(Float64Array.of(0.1, 0.12), members, 0.2, "safe_top_slice", 0.4);
  near(out.weights, [0.15, 0.15]);
  assertNear(out.allocated, 0.08); // 0.05 + 0.03; 0.12 stays in cash
});

Deno.test("safe_top_slice lets an exempt asset grow past its bucket's limit up to its cap", () => {
  const members = [m("CORE", 0.97, ["G"], 0.2, true), m("A", 0.8, ["G"])];
  const out = allocateResidual(Float64Array.of(0.15, 0.25), members, 0.1, "safe_top_slice", 0.25);
  near(out.weights, [0.2, 0.25]); // A's bucket room is 0 (0.25 of 0.25); CORE takes 0.05
});

Deno.test("proportional shares by current weight in one round when nothing binds", () => {
  // 0.06 * 0.10 / 0.15 = 0.04 to A, 0.06 * 0.05 / 0.15 = 0.02 to B
  const members = [m("A", 0.9, ["G"]), m("B", 0.8, ["H"])];
  const out = allocateResidual(Float64Array.of(0.1, 0.05), members, 0.06, "proportional", 0.4);
  near(out.weights, [0.14, 0.07]);
});

Deno.test("proportional clips at a cap and shares the rest in a second round", () => {
  // Round 1: shares 0.06 * 0.12/0.16 = 0.045 (clipped to A's room 0.03) and 0.015: given 0.045.
  // Round 2: 0.015 left, only B has room: B 0.055 + 0.015 = 0.07.
  const members = [m("A", 0.9, ["G"]), m("B", 0.8, ["H"])];
  const out = allocateResidual(Float64Array.of(0.12, 0.04), members, 0.06, "proportional", 0.4);
  near(out.weights, [0.15, 0.07]);
  assertNear(out.allocated, 0.06);
});

Deno.test("proportional fits a bucket's increments into its room", () => {
  // Weights 0.1, 0.2 (A and B, bucket G: 0.30 of 0.35) and 0.1 (C, bucket H). Round 1:
  // shares of 0.08 by weight: A 0.02, B 0.04, C 0.02. G's increments 0.06 exceed its room
  // 0.05: factor 5/6 -> A 0.01667, B 0.03333. Round 2: 0.08 - 0.07 = 0.01 left, G is full,
  // C takes it: C 0.1 + 0.02 + 0.01 = 0.13.
  const members = [m("A", 0.9, ["G"]), m("B", 0.8, ["G"], 0.3), m("C", 0.7, ["H"])];
  const out = allocateResidual(Float64Array.of(0.1, 0.2, 0.1), members, 0.08, "proportional", 0.35);
  near(out.weights, [0.1 + 0.02 * 5 / 6, 0.2 + 0.04 * 5 / 6, 0.13]);
  assertNear((out.weights[0] ?? 0) + (out.weights[1] ?? 0), 0.35);
});

Deno.test("cash moves nothing", () => {
  const members = [m("A", 0.9, ["G"])];
  const out = allocateResidual(Float64Array.of(0.1), members, 0.05, "cash", 0.4);
  assert.deepEqual([...out.weights], [0.1]);
  assert.equal(out.allocated, 0);
});
