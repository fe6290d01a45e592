import assert from "node:assert/strict";
import fc from "fast-check";
import {
  attributeProposalCash,
  CASH_FILTERS,
  type ProposalCashInput,
  type ScoredScan,
} from "./cash_attribution.ts";
import { proposeWeights } from "./sizing.ts";
import { buildUniverse } from "./universe.ts";

const close = (a: number, b: number) => Math.abs(a - b) < 1e-12;

function scan(
  ticker: string,
  score: number,
  options: Partial<Omit<ScoredScan, "ticker" | "score">> = {},
): ScoredScan {
  return {
    ticker,
    condition: "trending",
    trendDirection: "up",
    confidence: 0.9,
    strength: 0.5,
    score,
    ...options,
  };
}

function input(over: Partial<ProposalCashInput>): ProposalCashInput {
  return {
    held: [],
    scanned: [],
    buckets: { A: ["X"], B: ["Y"] },
    activeBuckets: ["A"],
    universe: {},
    sizing: {},
    ...over,
  };
}

/** Only `filter` costs anything, `share` of it; the rest up to 0.95 is the position cap. */
function assertOnly(cash: ReturnType<typeof attributeProposalCash>, filter: string, share: number) {
  for (const f of CASH_FILTERS) {
    assert.ok(close(cash.filters[f], f === filter ? share : 0), `${f}: ${cash.filters[f]}`);
  }
}

Deno.test("attributeProposalCash() charges a ticker in no bucket to unbucketed, and counts it", () => {
  // X (bucket A, active) is bought at the 0.15 cap; GE, in no bucket, would be too.
  const cash = attributeProposalCash(input({ scanned: [scan("X", 0.9), scan("GE", 0.9)] }));
  assert.equal(cash.proposed, 0.15);
  assert.ok(close(cash.unfiltered, 0.3));
  assertOnly(cash, "unbucketed", 0.15);
  assert.ok(close(cash.positionCap, 0.65));
  assert.equal(cash.funnel.unbucketed, 1);
  assert.equal(cash.funnel.selected, 1);
});

Deno.test("attributeProposalCash() charges an asset of an inactive bucket to inactiveBuckets", () => {
  const cash = attributeProposalCash(input({ scanned: [scan("X", 0.9), scan("Y", 0.8)] }));
  assertOnly(cash, "inactiveBuckets", 0.15);
  assert.equal(cash.funnel.inactiveBuckets, 1);
});

Deno.test("attributeProposalCash() splits a ranging asset between the trend filter and the minimum score", () => {
  // Y in the active bucket ranges with score 0.5: it needs both the trend filter and the
  // minimum score relaxed, so each gets half of its 0.15 (Shapley: the two are complements).
  const cash = attributeProposalCash(input({
    buckets: { A: ["X", "Y"] },
    scanned: [scan("X", 0.9), scan("Y", 0.5, { condition: "ranging" })],
  }));
  assert.ok(close(cash.filters.trendFilter, 0.075));
  assert.ok(close(cash.filters.minScore, 0.075));
  assert.equal(cash.funnel.notTrending, 1);
});

Deno.test("attributeProposalCash() counts trend problems apart: low confidence, down-trends", () => {
  const cash = attributeProposalCash(input({
    buckets: { A: ["X", "Y"], D: ["Z"] },
    activeBuckets: ["A", "D"],
    universe: { direction: "up" },
    scanned: [
      scan("X", 0.9),
      scan("Y", 0.8, { confidence: 0.4 }),
      scan("Z", 0.2, { trendDirection: "down" }),
    ],
  }));
  assert.equal(cash.funnel.lowConfidence, 1);
  assert.equal(cash.funnel.trendingDown, 1);
  // Y passes the minimum score by itself: only the trend filter kept it out. Z needs the
  // minimum score relaxed as well: 0.15 shared between the two.
  assert.ok(close(cash.filters.trendFilter, 0.15 + 0.075));
  assert.ok(close(cash.filters.minScore, 0.075));
});

Deno.test("attributeProposalCash() counts the universe's size in the position cap, not as a filter", () => {
  const cash = attributeProposalCash(input({
    buckets: { A: ["X", "Y"] },
    universe: { maxAssets: 1 },
    scanned: [scan("X", 0.9), scan("Y", 0.8, { confidence: 0.8 })],
  }));
  // Y is cut by maxAssets 1 in every counterfactual too: no filter costs anything.
  assertOnly(cash, "unbucketed", 0);
  assert.ok(close(cash.positionCap, 0.8));
  assert.equal(cash.funnel.universeFull, 1);
});

Deno.test("attributeProposalCash() charges the bucket limits for what they cut", () => {
  // Five assets of one bucket: four positions at most, 0.40 of weight at most.
  const tickers = ["P", "Q", "R", "S", "T"];
  const cash = attributeProposalCash(input({
    buckets: { A: tickers },
    scanned: tickers.map((t, i) => scan(t, 0.9 - i / 100)),
  }));
  assert.ok(close(cash.proposed, 0.4));
  assert.ok(close(cash.unfiltered, 0.75));
  // Relaxing the weight limit alone gives 0.60 (four at 0.15), the position limit alone
  // nothing (the weight limit still holds 0.40), both together 0.75. Shapley:
  // weight (0.20 + 0.35) / 2, positions (0 + 0.15) / 2.
  assert.ok(close(cash.filters.bucketWeight, 0.275));
  assert.ok(close(cash.filters.bucketPositions, 0.075));
  assert.equal(cash.funnel.bucketFull, 1);
});

Deno.test("attributeProposalCash() keeps held assets whatever the universe filters say", () => {
  // H is held: in no active bucket and ranging, it stays a candidate (score 0.7).
  const cash = attributeProposalCash(input({
    held: ["H"],
    buckets: { A: ["X"], C: ["H"] },
    scanned: [scan("X", 0.9), scan("H", 0.7, { condition: "ranging" })],
  }));
  assert.ok(close(cash.proposed, 0.3));
  assert.equal(cash.funnel.held, 1);
  assert.equal(cash.funnel.inactiveBuckets, 0);
});

Deno.test("attributeProposalCash() counts what the risk limit keeps out in the position cap, not a filter", () => {
  // X at 40% volatility under a 2% limit: cap 0.05 instead of 0.15. Nothing is filtered out,
  // so no filter costs anything; the 0.90 X cannot hold is the position cap.
  const cash = attributeProposalCash(input({
    scanned: [scan("X", 0.9, { volatility: 0.4 })],
    sizing: { maxPositionRisk: 0.02 },
  }));
  assert.ok(close(cash.proposed, 0.05));
  assertOnly(cash, "none", 0);
  assert.ok(close(cash.positionCap, 0.9));
});

const arbitraryDay = fc.record({
  scans: fc.uniqueArray(
    fc.record({
      ticker: fc.constantFrom("A1", "A2", "A3", "B1", "B2", "C1", "N1", "N2", "H1"),
      condition: fc.constantFrom("trending", "ranging", "breakout", "breakdown"),
      trendDirection: fc.constantFrom("up", "down"),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
      strength: fc.double({ min: 0, max: 1, noNaN: true }),
      score: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      volatility: fc.double({ min: 0.02, max: 0.8, noNaN: true }),
    }),
    { selector: (s) => s.ticker, maxLength: 9 },
  ),
  held: fc.subarray(["A1", "B1", "H1"]),
  active: fc.subarray(["A", "B", "C"]),
  maxAssets: fc.integer({ min: 1, max: 6 }),
  minScore: fc.double({ min: 0.3, max: 0.8, noNaN: true }),
  residual: fc.constantFrom("safe_top_slice", "proportional", "cash" as const),
  maxPositionRisk: fc.constantFrom(0, 0.01, 0.02, 0.05),
});

Deno.test("attributeProposalCash(): its proposal is proposeWeights' own, and the parts add up, with or without the risk limit (property)", () => {
  const buckets = { A: ["A1", "A2", "A3", "B1"], B: ["B1", "B2"], C: ["C1", "H1"] };
  fc.assert(
    fc.property(arbitraryDay, (day) => {
      const universe = { maxAssets: day.maxAssets };
      const sizing = {
        minScore: day.minScore,
        residual: day.residual,
        maxPositionRisk: day.maxPositionRisk,
      } as const;
      const cash = attributeProposalCash({
        held: day.held,
        scanned: day.scans as ScoredScan[],
        buckets,
        activeBuckets: day.active,
        universe,
        sizing,
      });
      const u = buildUniverse({
        held: day.held,
        activeBuckets: day.active,
        buckets,
        scans: day.scans as ScoredScan[],
      }, universe);
      const scans = new Map<string, (typeof day.scans)[number]>(
        day.scans.map((s) => [s.ticker, s]),
      );
      const candidates = u.tickers.flatMap((ticker) => {
        const scan = scans.get(ticker);
        const score = scan?.score;
        const of = Object.entries(buckets).filter(([, l]) => l.includes(ticker)).map(([b]) => b);
        return score === null || score === undefined
          ? []
          : [{ ticker, score, buckets: of, volatility: scan?.volatility ?? NaN }];
      });
      const own = Object.values(proposeWeights({ candidates }, sizing).weights)
        .reduce((a, b) => a + b, 0);
      const shares = CASH_FILTERS.reduce((s, f) => s + cash.filters[f], 0);
      return close(cash.proposed, own) &&
        Math.abs(shares - (cash.unfiltered - cash.proposed)) < 1e-9 &&
        close(cash.positionCap, 0.95 - cash.unfiltered);
    }),
    { numRuns: 150 },
  );
});
