import assert from "node:assert/strict";
import { flat, testPanel } from "../_test_panel.ts";
import { type CombinedScore, combinedScore } from "../../portfolio/combined_score.ts";
import type { UniverseResult } from "../../portfolio/universe.ts";
import type { ScanResult } from "../../market/scanner_result.ts";
import type { RebalanceBase } from "./context.ts";
import { proposeTargets } from "./propose_targets.ts";

const panel = testPanel({ AAA: [flat(10), flat(10), flat(10)] });
const scores = new Map<string, CombinedScore>([
  ["AAA", combinedScore(0.9, null)],
  ["BBB", combinedScore(0.8, null)],
  ["CCC", combinedScore(0.7, null)],
]);
const ctx: RebalanceBase & {
  scans: ReadonlyMap<string, ScanResult>;
  universe: UniverseResult;
  scores: ReadonlyMap<string, CombinedScore>;
} = {
  t: 2,
  date: panel.dateAt(2),
  view: panel.view(2),
  weights: {},
  held: [],
  scans: new Map(),
  // DDD is in the universe without a score (no scan): it is not a candidate.
  universe: { tickers: ["AAA", "BBB", "CCC", "DDD"], members: [], excluded: [] },
  scores,
};

function propose(core: readonly string[]) {
  const askedBuckets: string[] = [];
  const askedCore: number[] = [];
  const stage = proposeTargets({
    bucketsOf: (ticker) => {
      askedBuckets.push(ticker);
      return ["Growth"];
    },
    sizing: { maxBucketPositions: 2 },
    coreAssets: (t) => {
      askedCore.push(t);
      return core;
    },
  });
  const out = stage.run(ctx);
  assert.ok(!("skip" in out));
  assert.deepEqual(askedBuckets, ["AAA", "BBB", "CCC"], "scored universe assets are candidates");
  assert.deepEqual(askedCore, [2], "core assets of day t");
  return out.proposal;
}

Deno.test("proposeTargets() sizes the scored universe: bucket position limit, caps of 0.15", () => {
  const p = propose([]);
  // Growth may hold 2 positions: CCC (lowest score) is dropped. Raw weights 0.9/1.7 and
  // 0.8/1.7 are both above the 0.15 cap; 2 x 0.15 = 0.30 is within the 0.40 bucket limit,
  // and the residual finds no room under the caps.
  assert.deepEqual(p.weights, { AAA: 0.15, BBB: 0.15 });
  assert.deepEqual(p.dropped.map((d) => d.ticker), ["CCC"]);
});

Deno.test("proposeTargets() lets a core asset of day t exceed its bucket's position limit", () => {
  const p = propose(["CCC"]);
  assert.deepEqual(p.weights, { AAA: 0.15, BBB: 0.15, CCC: 0.15 });
  assert.ok(
    p.exceptions.some((e) => e.ticker === "CCC" && e.rule === "bucket_positions"),
    JSON.stringify(p.exceptions),
  );
});

Deno.test("proposeTargets() gives each candidate its scan's volatility, which the risk limit reads", () => {
  const scan = (ticker: string, volatility: number): ScanResult => ({
    ticker,
    market: "default",
    date: panel.dateAt(2),
    timeframe: "1d",
    condition: "trending",
    trendDirection: "up",
    confidence: 0.8,
    strength: 0.5,
    volumeRatio: NaN,
    priceChange: 0.05,
    volatility,
    parts: [],
  });
  const stage = proposeTargets({
    bucketsOf: (ticker) => [ticker],
    sizing: { maxPositionRisk: 0.03 },
    coreAssets: () => [],
  });
  const out = stage.run({
    ...ctx,
    scans: new Map([["AAA", scan("AAA", 0.6)], ["BBB", scan("BBB", 0.1)]]),
  });
  assert.ok(!("skip" in out));
  // By hand: AAA's cap 0.03 / 0.6 = 0.05; BBB's 0.03 / 0.1 = 0.3, so the 0.15 cap holds;
  // CCC has no scan: no reading, its cap stays 0.15.
  assert.deepEqual(out.proposal.weights, { AAA: 0.05, BBB: 0.15, CCC: 0.15 });
});
