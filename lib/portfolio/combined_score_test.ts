import assert from "node:assert/strict";
import { assertNear } from "./_assert_near.ts";
import { combinedScore } from "./combined_score.ts";

// Expected values: the seed's rule, technical * 0.6 + fundamental * 0.4, by hand.

Deno.test("combinedScore() weighs technical 0.6 and fundamental 0.4 by default", () => {
  const c = combinedScore(0.9, 0.7); // 0.54 + 0.28
  assertNear(c.score, 0.82);
  assert.equal(c.basis, "technical_and_fundamental");
  assert.deepEqual([c.technical, c.fundamental], [0.9, 0.7]);
});

Deno.test("combinedScore() scores an asset without fundamentals on its technical part alone", () => {
  assert.deepEqual(combinedScore(0.857, null), {
    score: 0.857,
    technical: 0.857,
    fundamental: null,
    basis: "technical_only",
  });
});

Deno.test("combinedScore() divides configured weights by their sum", () => {
  assertNear(combinedScore(0.9, 0.5, { technical: 3, fundamental: 2 }).score, 0.74); // 0.6/0.4
  assertNear(combinedScore(0.9, 0.5, { technical: 0.7, fundamental: 0.3 }).score, 0.78);
  assert.equal(combinedScore(0.9, 0.5, { technical: 1, fundamental: 0 }).score, 0.9);
  assert.equal(combinedScore(0.9, 0.5, { technical: 0, fundamental: 1 }).score, 0.5);
});

Deno.test("combinedScore() rejects scores outside [0, 1] and zero weights", () => {
  assert.throws(() => combinedScore(1.2, null), /technical must be a number in \[0, 1\]/);
  assert.throws(() => combinedScore(0.5, NaN), /fundamental must be a number/);
  assert.throws(() => combinedScore(0.5, 0.5, { technical: 0, fundamental: 0 }), RangeError);
});
