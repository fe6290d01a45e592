import assert from "node:assert/strict";
import { flat, testPanel } from "../_test_panel.ts";
import type { ScanResult } from "../../market/scanner_result.ts";
import { FundamentalsIndex } from "../../portfolio/fundamentals_index.ts";
import type { UniverseResult } from "../../portfolio/universe.ts";
import type { RebalanceBase } from "./context.ts";
import { scoreAssets, scoreOf } from "./score_assets.ts";
import { handScore, testScan } from "./_test_inputs.ts";

// 40 days from 2024-01-01: day 0 is before KO's filing (2024-01-15), day 35 (2024-02-05) after.
const panel = testPanel({ AAA: Array.from({ length: 40 }, () => flat(10)) });
// Every metric at its scale's midpoint: fundamental score 0.5 (lib/portfolio/fundamental_score.ts example).
const fundamentals = FundamentalsIndex.fromRows([{
  ticker: "KO",
  periodEnd: "2023-12-31",
  filingDate: "2024-01-15",
  pe: 20,
  pb: 3,
  roe: 0.15,
  debtToEquity: 1,
  profitMargin: 0.125,
  revenueGrowth: 0,
  epsGrowth: 0,
}]);
const scans = new Map<string, ScanResult>([
  ["AAA", testScan("AAA", "trending", 0.8, 0.5)],
  ["KO", testScan("KO", "trending", 0.6, 0.4)],
  ["XOM", testScan("XOM", "breakdown", 0.5, 0.5, "down")],
]);
const universe = (tickers: string[]): UniverseResult => ({ tickers, members: [], excluded: [] });

function scores(t: number, held: string[], tickers: string[]) {
  const ctx: RebalanceBase & {
    scans: ReadonlyMap<string, ScanResult>;
    universe: UniverseResult;
  } = {
    t,
    date: panel.dateAt(t),
    view: panel.view(t),
    weights: {},
    held,
    scans,
    universe: universe(tickers),
  };
  const out = scoreAssets({ weights: { technical: 0.6, fundamental: 0.4 }, fundamentals }).run(ctx);
  assert.ok(!("skip" in out));
  return out.scores;
}

Deno.test("scoreAssets() scores the universe and the held assets; no scan, no score", () => {
  const s = scores(35, ["XOM"], ["AAA", "KO", "ZZZ"]);
  assert.deepEqual([...s.keys()], ["AAA", "KO", "XOM"], "ZZZ has no scan");
  // AAA, an ETF without fundamentals: 0.5 + 0.4 * 0.8 + 0.1 * 0.5 = 0.87, technical alone.
  assert.ok(Math.abs((s.get("AAA")?.score ?? NaN) - handScore(1, 0.8, 0.5)) < 1e-12);
  assert.equal(s.get("AAA")?.basis, "technical_only");
  // XOM breaking down: 0.5 - 0.4 * 0.5 - 0.1 * 0.5 = 0.25.
  assert.ok(Math.abs((s.get("XOM")?.score ?? NaN) - 0.25) < 1e-12);
});

Deno.test("scoreAssets() combines 0.6 technical with 0.4 fundamental once the figures are filed", () => {
  // KO technical: 0.5 + 0.4 * 0.6 + 0.1 * 0.4 = 0.78; fundamental 0.5 from 2024-01-15.
  const before = scores(0, [], ["KO"]).get("KO");
  assert.equal(before?.basis, "technical_only", "2024-01-01: nothing filed yet");
  assert.ok(Math.abs((before?.score ?? NaN) - 0.78) < 1e-12);
  const after = scores(35, [], ["KO"]).get("KO");
  assert.equal(after?.basis, "technical_and_fundamental");
  // 0.6 * 0.78 + 0.4 * 0.5 = 0.668
  assert.ok(Math.abs((after?.score ?? NaN) - 0.668) < 1e-12);
});

Deno.test("scoreOf() gives null without a scan", () => {
  const options = { weights: { technical: 0.6, fundamental: 0.4 } };
  assert.equal(scoreOf("AAA", undefined, "2024-01-01", options), null);
  const aaa = scoreOf("AAA", scans.get("AAA"), "2024-01-01", options);
  assert.ok(Math.abs((aaa?.technical ?? NaN) - 0.87) < 1e-12);
});
