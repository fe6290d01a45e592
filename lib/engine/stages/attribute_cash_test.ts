import assert from "node:assert/strict";
import { flat, testPanel } from "../_test_panel.ts";
import { combinedScore } from "../../portfolio/combined_score.ts";
import { proposeWeights } from "../../portfolio/sizing.ts";
import { CASH_CAUSES } from "../../portfolio/cash_causes.ts";
import { type AttributeCashNeeds, rebalanceCash } from "./attribute_cash.ts";
import { testScan } from "./_test_inputs.ts";

const panel = testPanel({ X: [flat(10)], Y: [flat(10)], Z: [flat(10)] });
const buckets = { A: ["X"], B: ["Y"], C: ["Z"] };
const options = {
  buckets,
  bucketsOf: (t: string) =>
    Object.entries(buckets).filter(([, list]) => list.includes(t)).map(([b]) => b),
  universe: {},
  sizing: {},
  minTradeWeight: 0.005,
  coreAssets: () => [],
  score: () => null,
};
const close = (a: number, b: number) => Math.abs(a - b) < 1e-12;

Deno.test("rebalanceCash() splits the proposal's gap to the targets into minimum trades and protection", () => {
  const scans = new Map([
    ["X", testScan("X", "trending", 0.9, 0.5)],
    ["Z", testScan("Z", "trending", 0.9, 0.5)],
  ]);
  const scores = new Map([["X", combinedScore(0.91, null)], ["Z", combinedScore(0.91, null)]]);
  const proposal = proposeWeights({
    candidates: [{ ticker: "X", score: 0.91, buckets: ["A"] }, {
      ticker: "Z",
      score: 0.91,
      buckets: ["C"],
    }],
  });
  // Proposed: X 0.15 (held at 0.147: a 0.003 change, below the 0.005 minimum, not made) and Z
  // 0.15, whose open protection blocked. Targets: X 0.147 alone.
  const ctx: AttributeCashNeeds = {
    t: 0,
    date: panel.dateAt(0),
    view: panel.view(0),
    weights: { X: 0.147 },
    held: ["X"],
    scans,
    activeBuckets: ["A", "C"],
    universe: { tickers: ["X", "Z"], members: [], excluded: [] },
    scores,
    proposal,
    targets: { X: 0.147 },
  };
  const cash = rebalanceCash(ctx, options);
  assert.ok(close(cash.invested, 0.147));
  assert.ok(close(cash.causes.minTrade, 0.003));
  assert.ok(close(cash.causes.protection, 0.15));
  // Two assets in all: 0.95 - 0.30 is the position cap, and no filter cost anything.
  assert.ok(close(cash.causes.positionCap, 0.65));
  assert.ok(close(CASH_CAUSES.reduce((s, c) => s + cash.causes[c], 0), cash.uninvested));
});
