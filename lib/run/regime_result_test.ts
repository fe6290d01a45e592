import assert from "node:assert/strict";
import { flat, testPanel } from "../engine/_test_panel.ts";
import type { RebalanceRecord } from "../engine/regime_aware.ts";
import type { RegimeContext } from "../market/regime.ts";
import type { RegimeProvider } from "../market/regime_provider.ts";
import { testRegime, testTransition } from "../engine/stages/_test_inputs.ts";
import type { Verdict } from "../protection/verdict.ts";
import { allocationByBucket, ProtectionTally, regimePath } from "./regime_result.ts";

const panel = testPanel({ SPY: Array.from({ length: 6 }, () => flat(100)) });

Deno.test("regimePath() lists the run's days with a regime and the transitions on their day", () => {
  const day = (t: number, c: RegimeContext) => ({ ...c, date: panel.dateAt(t) });
  const contexts: RegimeContext[] = [
    day(0, testRegime(null, [])),
    day(1, { ...testRegime("Goldilocks", []), confidence: 0.123456 }),
    day(2, testRegime("Goldilocks", [])),
    day(
      3,
      testRegime("Reflation", [], {
        transition: testTransition("Goldilocks", "Reflation", "major"),
      }),
    ),
    day(
      4,
      testRegime("Reflation", [], {
        transition: testTransition("Goldilocks", "Reflation", "major", 1),
      }),
    ),
    day(5, testRegime("Reflation", [])),
  ];
  // regimePath reads atIndex only.
  const provider = { atIndex: (t: number) => contexts[t] } as unknown as RegimeProvider;
  const path = regimePath(provider, panel, panel.dateAt(0), panel.dateAt(4));
  // Day 0 is warming up (left out); day 5 is after the run.
  assert.deepEqual(path.dates, [1, 2, 3, 4].map((t) => panel.dateAt(t)));
  assert.deepEqual(path.regime, ["Goldilocks", "Goldilocks", "Reflation", "Reflation"]);
  assert.deepEqual(path.confidence, [0.1235, 0.8, 0.8, 0.8], "rounded to 4 places");
  assert.deepEqual(path.transitions, [
    { date: panel.dateAt(3), from: "Goldilocks", to: "Reflation", severity: "major" },
  ]);
});

Deno.test("allocationByBucket() sums targets by each asset's first bucket, on days with targets", () => {
  const record = (date: string, targets: Record<string, number> | null): RebalanceRecord => ({
    date,
    kind: "rebalance",
    regime: "Goldilocks",
    targets,
    changes: [],
  });
  const allocation = allocationByBucket(
    [
      record("2024-01-01", { AAA: 0.1, TLT: 0.2, GLD: 0.05, ZZZ: 0.01 }),
      record("2024-01-08", null), // skipped: no targets
      { ...record("2024-01-09", { AAA: 0.08 }), kind: "decay" },
    ],
    // GLD sits in Bonds and Gold: it counts in Bonds, first in the map's order.
    { Growth: ["AAA"], Bonds: ["TLT", "GLD"], Gold: ["GLD"] },
  );
  assert.deepEqual(allocation, {
    dates: ["2024-01-01", "2024-01-09"],
    byBucket: { Bonds: [0.25, 0], Growth: [0.1, 0.08], Other: [0.01, 0] },
  });
});

Deno.test("ProtectionTally counts verdicts by day, rule and outcome", () => {
  const v = (date: string, rule: string, extra: Partial<Verdict>): Verdict => ({
    approved: true,
    action: "close",
    asset: "AAA",
    t: 0,
    date,
    rule,
    reason: "",
    bypassed: [],
    ...extra,
  });
  const tally = new ProtectionTally();
  tally.add(v("2024-01-01", "none", {}));
  tally.add(v("2024-01-01", "none", {}));
  tally.add(v("2024-01-01", "holding_period", { approved: false }));
  tally.add(v("2024-01-02", "grace_period", { action: "decay", modification: { size: 0.1 } }));
  tally.add(v("2024-01-02", "regime_override", {
    overriddenBy: "regime_override",
    bypassed: ["holding_period"],
  }));
  const metrics = {
    decisions: 5,
    approved: 4,
    blocked: 1,
    approvalRate: 0.8,
    blocksByRule: { holding_period: 1 },
    overridesUsed: 1,
    decays: 1,
  };
  assert.deepEqual(tally.activity(metrics), {
    verdicts: [
      { date: "2024-01-01", rule: "none", outcome: "approved", count: 2 },
      { date: "2024-01-01", rule: "holding_period", outcome: "blocked", count: 1 },
      { date: "2024-01-02", rule: "grace_period", outcome: "modified", count: 1 },
      { date: "2024-01-02", rule: "regime_override", outcome: "overridden", count: 1 },
    ],
    totals: { decisions: 5, approved: 4, blocked: 1, overrides: 1, decays: 1 },
    blocksByRule: { holding_period: 1 },
  });
});
