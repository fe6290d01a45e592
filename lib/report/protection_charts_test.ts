import assert from "node:assert/strict";
import type { ProtectionActivity } from "../engine/run_result.ts";
import { protectionCharts } from "./protection_charts.ts";

const TOTALS = { decisions: 0, approved: 0, blocked: 0, overrides: 0, decays: 0 };

Deno.test("protectionCharts() counts verdicts per day by rule and interventions by outcome", () => {
  const activity: ProtectionActivity = {
    verdicts: [
      { date: "2024-01-02", rule: "whipsaw", outcome: "approved", count: 3 },
      { date: "2024-01-02", rule: "whipsaw", outcome: "blocked", count: 1 },
      { date: "2024-01-03", rule: "grace_period", outcome: "modified", count: 2 },
    ],
    totals: TOTALS,
    blocksByRule: { whipsaw: 1, grace_period: 0 },
  };
  const charts = protectionCharts(activity);
  assert.equal(charts.period, "day");
  assert.deepEqual(charts.periods, ["2024-01-02", "2024-01-03"]);
  assert.deepEqual(charts.byRule, [
    { name: "grace_period", counts: [0, 2] },
    { name: "whipsaw", counts: [4, 0] },
  ]);
  // "overridden" never occurs, so it has no layer; rules without a block have no bar.
  assert.deepEqual(charts.interventions, [
    { name: "blocked", counts: [1, 0] },
    { name: "modified", counts: [0, 2] },
  ]);
  assert.deepEqual(charts.blocksByRule, [["whipsaw", 1]]);
});

Deno.test("protectionCharts() counts per month over a run longer than a year", () => {
  const charts = protectionCharts({
    verdicts: [
      { date: "2022-01-03", rule: "r", outcome: "overridden", count: 1 },
      { date: "2022-01-20", rule: "r", outcome: "overridden", count: 2 },
      { date: "2023-06-01", rule: "r", outcome: "approved", count: 5 },
    ],
    totals: TOTALS,
    blocksByRule: {},
  });
  assert.equal(charts.period, "month");
  assert.deepEqual(charts.periods, ["2022-01", "2023-06"]);
  assert.deepEqual(charts.byRule, [{ name: "r", counts: [3, 5] }]);
  assert.deepEqual(charts.interventions, [{ name: "overridden", counts: [3, 0] }]);
});
