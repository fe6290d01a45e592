import assert from "node:assert/strict";
import { assertNear } from "./_assert_near.ts";
import { applyIndividualCaps, normalizeToTarget, rawWeights } from "./two_stage.ts";

// Expected values: water-filling worked by hand (λ found breakpoint by breakpoint).

const f = (...xs: number[]) => Float64Array.from(xs);
const near = (actual: Float64Array, expected: number[]) =>
  expected.forEach((e, i) => assertNear(actual[i], e, 1e-12, `weight ${i}`));

Deno.test("rawWeights() is score-proportional, equal on request or when every score is 0", () => {
  near(rawWeights(f(0.9, 0.6, 0.5), "score"), [0.45, 0.3, 0.25]); // / 2.0
  near(rawWeights(f(0.9, 0.6, 0.5, 0.2), "equal"), [0.25, 0.25, 0.25, 0.25]);
  near(rawWeights(f(0, 0), "score"), [0.5, 0.5]);
  assert.equal(rawWeights(f(), "score").length, 0);
});

Deno.test("applyIndividualCaps() caps each weight and leaves the others", () => {
  near(applyIndividualCaps(f(0.5, 0.1, 0.4), f(0.15, 0.15, 0.2)), [0.15, 0.1, 0.2]);
});

Deno.test("normalizeToTarget() caps one asset and scales the rest: λ = 0.65 / 0.5 = 1.3", () => {
  // raw 0.5, 0.2, 0.15, 0.1, 0.05, caps 0.3, target 0.95. Breakpoints cap/raw: 0.6, 1.5, 2, 3, 6.
  // λ = 0.95 / 1 = 0.95 > 0.6: the first is capped; λ = (0.95 - 0.3) / 0.5 = 1.3 <= 1.5: done.
  const w = normalizeToTarget(f(0.5, 0.2, 0.15, 0.1, 0.05), new Float64Array(5).fill(0.3), 0.95);
  near(w, [0.3, 0.26, 0.195, 0.13, 0.065]);
  assertNear(w.reduce((a, b) => a + b, 0), 0.95);
});

Deno.test("normalizeToTarget() caps in rounds: capped weights stay capped", () => {
  // raw 0.4, 0.3, 0.2, 0.1, caps 0.25, target 0.95. Breakpoints 0.625, 0.833, 1.25, 2.5.
  // λ = 0.95 > 0.625 cap; λ = 0.7 / 0.6 = 1.167 > 0.833 cap; λ = 0.45 / 0.3 = 1.5 > 1.25 cap;
  // λ = 0.2 / 0.1 = 2 <= 2.5: the last gets 0.2.
  const w = normalizeToTarget(f(0.4, 0.3, 0.2, 0.1), new Float64Array(4).fill(0.25), 0.95);
  near(w, [0.25, 0.25, 0.25, 0.2]);
});

Deno.test("normalizeToTarget() scales down when nothing binds and uncaps when λ < 1", () => {
  near(normalizeToTarget(f(0.5, 0.3, 0.2), f(1, 1, 1), 0.95), [0.475, 0.285, 0.19]);
  // raw 0.16 over a 0.15 cap, but λ = 0.5: every weight is raw / 2
  near(normalizeToTarget(f(0.16, 0.84), f(0.15, 1), 0.5), [0.08, 0.42]);
});

Deno.test("normalizeToTarget() leaves every weight at its cap when the caps sum below the target", () => {
  near(normalizeToTarget(f(0.5, 0.3, 0.2), f(0.15, 0.15, 0.2), 0.95), [0.15, 0.15, 0.2]);
});

Deno.test("normalizeToTarget() gives nothing to a zero raw weight", () => {
  near(normalizeToTarget(f(0, 0.5, 0.5), f(0.5, 0.5, 0.5), 0.9), [0, 0.45, 0.45]);
  near(normalizeToTarget(f(0, 1), f(0.5, 0.3), 0.5), [0, 0.3]); // the 0.5 cap cannot be used
});
