import assert from "node:assert/strict";
import { assertNear } from "./_assert_near.ts";
import type { SizingCandidate, WeightMap } from "./proposal.ts";
import { proposeWeights } from "./sizing.ts";
import type { SizingOptions } from "./sizing_options.ts";

// Expected values: the seed's two stages and bucket rules worked by hand, step by step.

const c = (ticker: string, score: number, ...buckets: string[]): SizingCandidate => ({
  ticker,
  score,
  buckets,
});
const nearMap = (actual: WeightMap, expected: Record<string, number>, label: string) => {
  assert.deepEqual(Object.keys(actual), Object.keys(expected), label);
  for (const [t, w] of Object.entries(expected)) assertNear(actual[t], w, 1e-12, `${label} ${t}`);
};

// Growth holds five candidates (one too many), Bonds two, Gold one; Energy's is below 0.65.
const NINE = [
  c("A", 0.9, "Growth"),
  c("B", 0.85, "Growth"),
  c("C", 0.8, "Growth"),
  c("D", 0.75, "Growth"),
  c("E", 0.7, "Growth"),
  c("F", 0.7, "Bonds"),
  c("G", 0.66, "Bonds"),
  c("H", 0.65, "Gold"),
  c("I", 0.6, "Energy"),
];

// Selected: A B C D F G H (E is Growth's fifth, I below 0.65); score sum 5.31.
const S = 5.31;
// Stage 2: λ = 0.95 caps A (0.15 / (0.9 / 5.31) = 0.885 < 0.95); λ = 0.8 * 5.31 / 4.41 = 0.963
// caps B (breakpoint 0.937); λ = 0.65 * 5.31 / 3.56 = 0.9695 < C's 0.9956: the rest get
// 0.65 * score / 3.56.
const rest = (score: number) => 0.65 * score / 3.56;
// Growth: 0.15 + 0.15 + rest(0.8) + rest(0.75) = 0.583 > 0.40: scaled by 0.40 / 0.583.
const GROWTH = 0.3 + rest(0.8) + rest(0.75);
const FACTOR = 0.4 / GROWTH;

Deno.test("proposeWeights() works the seed's defaults through every stage, by hand", () => {
  const p = proposeWeights({ candidates: NINE });
  assert.deepEqual(p.dropped, [
    { ticker: "I", reason: "score 0.600 < 0.65 threshold" },
    { ticker: "E", reason: 'bucket "Growth" full: 4 positions (max 4)' },
  ]);
  assert.deepEqual(p.selected.map((s) => s.ticker), ["A", "B", "C", "D", "F", "G", "H"]);
  assert.equal(p.selected[6]?.reason, "High score asset: 0.650 >= 0.65 threshold");
  nearMap(p.stages.raw, {
    A: 0.9 / S,
    B: 0.85 / S,
    C: 0.8 / S,
    D: 0.75 / S,
    F: 0.7 / S,
    G: 0.66 / S,
    H: 0.65 / S,
  }, "raw");
  nearMap(p.stages.stage1, {
    A: 0.15,
    B: 0.15,
    C: 0.15, // 0.8 / 5.31 = 0.1507
    D: 0.75 / S,
    F: 0.7 / S,
    G: 0.66 / S,
    H: 0.65 / S,
  }, "stage1");
  nearMap(p.stages.stage2, {
    A: 0.15,
    B: 0.15,
    C: rest(0.8),
    D: rest(0.75),
    F: rest(0.7),
    G: rest(0.66),
    H: rest(0.65),
  }, "stage2");
  const growth = {
    A: 0.15 * FACTOR,
    B: 0.15 * FACTOR,
    C: rest(0.8) * FACTOR,
    D: rest(0.75) * FACTOR,
  };
  nearMap(
    p.stages.afterBuckets,
    { ...growth, F: rest(0.7), G: rest(0.66), H: rest(0.65) },
    "afterBuckets",
  );
  assert.equal(p.bucketsScaled.length, 1);
  assertNear(p.bucketsScaled[0]?.weightBefore, GROWTH);
  // Residual 0.95 - 0.40 - rest(0.7 + 0.66 + 0.65) = 0.183: Growth is full, so safe_top_slice
  // fills F, G and H to their 0.15 caps (0.083) and 0.95 - 0.40 - 0.45 = 0.10 stays in cash.
  nearMap(p.weights, { ...growth, F: 0.15, G: 0.15, H: 0.15 }, "final");
  assert.deepEqual(p.stages.final, p.weights);
  assertNear(p.residualAllocated, 0.45 - rest(2.01));
  assertNear(p.residual, 0.1);
  assert.deepEqual(p.exceptions, []);
});

Deno.test("proposeWeights() keeps the residual in cash with the cash strategy or under the threshold", () => {
  for (const options of [{ residual: "cash" }, { residualThreshold: 0.2 }] as const) {
    const p = proposeWeights({ candidates: NINE }, options);
    assert.deepEqual(p.weights, p.stages.afterBuckets);
    assert.equal(p.residualAllocated, 0);
    assertNear(p.residual, 0.55 - rest(2.01)); // 0.95 - 0.40 - 0.2657
  }
});

Deno.test("proposeWeights() with equal weights normalises ten uncapped assets to 0.095 each", () => {
  const ten = Array.from({ length: 10 }, (_, i) => c(`T${i}`, 0.7 + i / 100, `B${i}`));
  const p = proposeWeights({ candidates: ten }, { weighting: "equal" });
  // raw 0.1 each, under the 0.15 cap; stage 2: 0.1 * 0.95
  for (const w of Object.values(p.weights)) assertNear(w, 0.095);
  assertNear(p.residual, 0);
  assert.deepEqual(Object.keys(p.weights), [
    "T9",
    "T8",
    "T7",
    "T6",
    "T5",
    "T4",
    "T3",
    "T2",
    "T1",
    "T0",
  ]);
});

const GROWTH_FIVE = [
  c("A", 0.9, "Growth"),
  c("B", 0.85, "Growth"),
  c("C", 0.8, "Growth"),
  c("D", 0.75, "Growth"),
  c("CORE", 0.7, "Growth"),
];

Deno.test("proposeWeights() lets a core asset exceed the bucket limits and says why", () => {
  const p = proposeWeights({ candidates: GROWTH_FIVE, coreAssets: ["CORE"] });
  // Raw weights score / 4.0 all pass 0.15: stage 1 and 2 leave 0.15 each (0.75 < 0.95).
  // The four others fill Growth's 0.40 by themselves (0.60 scaled by 2/3 to 0.10 each);
  // CORE keeps 0.15 on top. No room anywhere for the residual 0.40.
  nearMap(p.weights, { A: 0.1, B: 0.1, C: 0.1, D: 0.1, CORE: 0.15 }, "final");
  assert.deepEqual(p.dropped, []);
  assert.deepEqual(p.exceptions, [
    {
      ticker: "CORE",
      rule: "bucket_positions",
      reason: 'core asset: bucket "Growth" holds 5 positions > 4 allowed',
    },
    {
      ticker: "CORE",
      rule: "bucket_weight",
      reason: 'core asset: bucket "Growth" weight 0.550 > 0.4 allowed',
    },
  ]);
  assertNear(p.residual, 0.4);
});

Deno.test("proposeWeights() without bucket overrides drops the lowest-scored core asset", () => {
  const p = proposeWeights({ candidates: GROWTH_FIVE, coreAssets: ["CORE"] }, {
    allowBucketOverride: false,
  });
  nearMap(p.weights, { A: 0.1, B: 0.1, C: 0.1, D: 0.1 }, "final");
  assert.deepEqual(p.dropped, [{
    ticker: "CORE",
    reason: 'bucket "Growth" full: 4 positions (max 4)',
  }]);
  assert.deepEqual(p.exceptions, []);
});

Deno.test("proposeWeights() gives a high-alpha asset the exception cap and logs it", () => {
  const p = proposeWeights({
    candidates: [c("X", 0.97, "Tech"), c("Y", 0.8, "Bonds"), c("Z", 0.7, "Gold")],
  }, { exceptionMaxSingle: 0.2 });
  // Raw 0.97 / 2.47 = 0.393 capped at 0.20 (high-alpha), 0.324 and 0.283 at 0.15:
  // 0.50 in all, everyone at a cap, 0.45 in cash.
  nearMap(p.weights, { X: 0.2, Y: 0.15, Z: 0.15 }, "final");
  assert.deepEqual(p.exceptions, [{
    ticker: "X",
    rule: "max_single",
    reason: "high-alpha asset: score 0.970 > 0.95: weight 0.200 above max single 0.15",
  }]);
  assertNear(p.residual, 0.45);
});

Deno.test("proposeWeights() of no eligible candidate keeps the whole target in cash", () => {
  for (const candidates of [[], [c("I", 0.5, "Energy")]]) {
    const p = proposeWeights({ candidates });
    assert.deepEqual(p.weights, {});
    assert.equal(p.residual, 0.95);
  }
});

Deno.test("proposeWeights() does not depend on the order of the candidates", () => {
  const options: SizingOptions = { residual: "proportional", exceptionMaxSingle: 0.2 };
  const a = proposeWeights({ candidates: NINE, coreAssets: ["H"] }, options);
  const b = proposeWeights({ candidates: [...NINE].reverse(), coreAssets: ["H"] }, options);
  assert.deepEqual(a, b);
  assert.equal(JSON.stringify(a), JSON.stringify(b));
});

Deno.test("proposeWeights() rejects a ticker twice, a score outside [0, 1] and bad options", () => {
  assert.throws(() => proposeWeights({ candidates: [c("A", 0.9), c("A", 0.8)] }), /A twice/);
  assert.throws(
    () => proposeWeights({ candidates: [c("A", 1.1)] }),
    /score of A must be in \[0, 1\]/,
  );
  assert.throws(() => proposeWeights({ candidates: [c("A", NaN)] }), RangeError);
  assert.throws(() => proposeWeights({ candidates: [] }, { maxSingle: 0 }), /maxSingle/);
  assert.throws(
    () => proposeWeights({ candidates: [] }, { maxSingle: 0.2, exceptionMaxSingle: 0.1 }),
    /exceptionMaxSingle must be a number in \[0.2, 1\]/,
  );
  assert.throws(() => proposeWeights({ candidates: [] }, { maxBucketPositions: 0 }), RangeError);
  const badResidual = { residual: "all_in" } as unknown as SizingOptions;
  assert.throws(() => proposeWeights({ candidates: [] }, badResidual), /residual must be one of/);
});

Deno.test("proposeWeights() with maxPositionRisk lowers a volatile asset's cap and leaves what no one has room for", () => {
  const v = (ticker: string, score: number, volatility: number, bucket: string) => ({
    ...c(ticker, score, bucket),
    volatility,
  });
  // By hand, limit 0.02: caps A 0.02 / 0.40 = 0.05, B min(0.15, 0.02 / 0.10 = 0.2) = 0.15,
  // C 0.02 / 0.20 = 0.10, D (no reading) 0.15. Raw weights score / 3.1 are all above those caps
  // but D's (0.6 / 3.1 = 0.194 > 0.15 too): every one sits at its cap, 0.45 in all; the
  // residual finds no room and 0.50 stays in cash (the fallback's to take).
  const candidates = [
    v("A", 0.9, 0.4, "G1"),
    v("B", 0.8, 0.1, "G2"),
    v("C", 0.8, 0.2, "G3"),
    v("D", 0.6, NaN, "G4"),
  ];
  const p = proposeWeights({ candidates }, { maxPositionRisk: 0.02, minScore: 0.6 });
  nearMap(p.weights, { A: 0.05, B: 0.15, C: 0.1, D: 0.15 }, "risk-capped");
  assertNear(p.residual, 0.5, 1e-12, "residual");
  // Off (the default), the same candidates fill 4 x 0.15.
  const off = proposeWeights({ candidates }, { minScore: 0.6 });
  nearMap(off.weights, { A: 0.15, B: 0.15, C: 0.15, D: 0.15 }, "off");
  assert.throws(
    () => proposeWeights({ candidates }, { maxPositionRisk: -0.01 }),
    /maxPositionRisk/,
  );
});
