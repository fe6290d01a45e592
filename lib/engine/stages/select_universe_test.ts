import assert from "node:assert/strict";
import { flat, testPanel } from "../_test_panel.ts";
import type { ScanResult } from "../../market/scanner_result.ts";
import type { RegimeContext } from "../../market/regime.ts";
import type { RebalanceBase } from "./context.ts";
import { selectUniverse } from "./select_universe.ts";
import { testRegime, testScan } from "./_test_inputs.ts";

const panel = testPanel({ AAA: [flat(10)], BBB: [flat(10)], TLT: [flat(10)], GLD: [flat(10)] });
const buckets = { Growth: ["AAA", "BBB"], Bonds: ["TLT"], Gold: ["GLD"] };
const scans = new Map<string, ScanResult>([
  ["AAA", testScan("AAA", "trending", 0.8, 0.5)],
  ["BBB", testScan("BBB", "trending", 0.6, 0.5)],
  ["TLT", testScan("TLT", "trending", 0.9, 0.5)],
  ["GLD", testScan("GLD", "ranging", 0.5, 0.1)],
]);
// The regime activates Growth and Bonds, and names a bucket the map does not have.
const ctx: RebalanceBase & { regime: RegimeContext; scans: ReadonlyMap<string, ScanResult> } = {
  t: 0,
  date: panel.dateAt(0),
  view: panel.view(0),
  weights: { GLD: 0.1 },
  held: ["GLD"],
  regime: testRegime("Goldilocks", ["Growth", "Bonds", "Crypto"]),
  scans,
};

function run(options: Partial<Parameters<typeof selectUniverse>[0]> = {}) {
  const out = selectUniverse({ buckets, universe: {}, ...options }).run(ctx);
  assert.ok(!("skip" in out));
  return out;
}

Deno.test("selectUniverse() keeps held assets and adds trending ones of the regime's buckets", () => {
  const out = run();
  assert.deepEqual(out.activeBuckets, ["Growth", "Bonds"], "buckets the map lacks are left out");
  // Ranked by scan confidence: TLT 0.9, AAA 0.8, GLD 0.5 (held, ranging: kept all the same).
  assert.deepEqual(out.universe.tickers, ["TLT", "AAA", "GLD"]);
  assert.deepEqual(
    out.universe.members.map((m) => [m.ticker, m.reason]),
    [["TLT", "trending"], ["AAA", "trending"], ["GLD", "held"]],
  );
  // BBB trends with confidence 0.6, under the 0.7 default.
  assert.deepEqual(out.universe.excluded.map((e) => e.ticker), ["BBB"]);
});

Deno.test("selectUniverse() draws only from the buckets the user allows", () => {
  const out = run({ allowedBuckets: ["Growth", "Gold"] });
  // Gold is allowed but the regime does not activate it; Bonds is active but not allowed.
  assert.deepEqual(out.activeBuckets, ["Growth"]);
  assert.deepEqual(out.universe.tickers, ["AAA", "GLD"]);
});

Deno.test("selectUniverse() passes the universe options on", () => {
  assert.deepEqual(run({ universe: { trendingConfidence: 0.5 } }).universe.tickers, [
    "TLT",
    "AAA",
    "BBB",
    "GLD",
  ]);
  // One slot, taken by the held asset: no entrant fits.
  assert.deepEqual(run({ universe: { maxAssets: 1 } }).universe.tickers, ["GLD"]);
});
