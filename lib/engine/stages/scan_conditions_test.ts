import assert from "node:assert/strict";
import { flat, testPanel } from "../_test_panel.ts";
import type { ScanResult } from "../../market/scanner_result.ts";
import type { RebalanceBase } from "./context.ts";
import { scanConditions } from "./scan_conditions.ts";
import { testScan } from "./_test_inputs.ts";

// BBB has no bar on day 1 (not tradable); CCC has a bar but the scanner has nothing for it.
const panel = testPanel({
  AAA: [flat(10), flat(11)],
  BBB: [flat(20), null],
  CCC: [flat(30), flat(31)],
});
const base = (t: number): RebalanceBase => ({
  t,
  date: panel.dateAt(t),
  view: panel.view(t),
  weights: {},
  held: [],
});

Deno.test("scanConditions() gives the day's scan of every tradable asset the scanner read", () => {
  const asked: [number, number][] = [];
  const found: Record<string, ScanResult> = {
    "0:1": testScan("AAA", "trending", 0.8, 0.5),
    "1:1": testScan("BBB", "ranging", 0.6, 0.2),
  };
  const stage = scanConditions({
    resultAt: (asset, t) => {
      asked.push([asset, t]);
      return found[`${asset}:${t}`];
    },
  });
  const out = stage.run(base(1));
  assert.ok(!("skip" in out));
  assert.deepEqual([...out.scans.keys()], ["AAA"]);
  assert.equal(out.scans.get("AAA"), found["0:1"]);
  assert.deepEqual(asked, [[0, 1], [2, 1]], "BBB, without a bar on day 1, is not asked");
});

Deno.test("scanConditions() keys scans by ticker in asset order", () => {
  const stage = scanConditions({
    resultAt: (asset) => testScan(["AAA", "BBB", "CCC"][asset] ?? "", "ranging", 0.5, 0.5),
  });
  const out = stage.run(base(0));
  assert.ok(!("skip" in out));
  assert.deepEqual([...out.scans.keys()], ["AAA", "BBB", "CCC"]);
});
