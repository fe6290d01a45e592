import assert from "node:assert/strict";
import type { Metrics } from "../analytics/metrics.ts";
import { sweepGrid } from "./sweep_grid.ts";

const run = (frequency: string, minScore: number, maxDrawdown: number) => ({
  params: { "rebalance.frequency": frequency, "sizing.minScore": minScore },
  metrics: { maxDrawdown: { depth: maxDrawdown }, sharpe: null } as unknown as Metrics,
});

Deno.test("sweepGrid() takes the best or the mean of each cell, which way is better by the metric", () => {
  const runs = [
    run("weekly", 0.7, -0.2),
    run("weekly", 0.7, -0.1),
    run("monthly", 0.6, -0.3),
    run("weekly", 0.6, -0.25),
  ];
  const best = sweepGrid(runs, {
    rows: "rebalance.frequency",
    columns: "sizing.minScore",
    metric: "maxDrawdown",
  });
  // Strings sort as text; the shallowest drawdown (the highest depth) is the best.
  assert.deepEqual(best.rows, ["monthly", "weekly"]);
  assert.deepEqual(best.values, [[-0.3, null], [-0.25, -0.1]]);
  assert.equal(best.percent, true);
  const mean = sweepGrid(runs, {
    rows: "rebalance.frequency",
    columns: "sizing.minScore",
    metric: "maxDrawdown",
    aggregate: "mean",
  });
  assert.ok(Math.abs((mean.values[1]?.[1] ?? NaN) - -0.15) < 1e-12);
});

Deno.test("sweepGrid() leaves a cell null when none of its runs has the metric", () => {
  const grid = sweepGrid([run("weekly", 0.6, -0.1)], {
    rows: "rebalance.frequency",
    columns: "sizing.minScore",
  });
  assert.deepEqual(grid.values, [[null]]);
});
