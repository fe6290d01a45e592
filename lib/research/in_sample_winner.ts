/**
 * Choosing the in-sample winner of a walk-forward window: the run with the
 * best value of a chosen metric.
 *
 * Design decision: ties are broken by the candidate's `key` (its config
 * hash) in ascending order, never by the order results arrived in, which
 * depends on how many workers ran the grid; so the same grid gives the same
 * winner however it was run. A run whose metric is undefined (null: a flat
 * curve has no Sharpe ratio) ranks below every run that has one.
 *
 * @module
 */

import type { Metrics } from "../analytics/metrics.ts";

/** Metrics a window's winner can be chosen by. */
export const SELECTION_METRICS = [
  "sharpe",
  "sortino",
  "calmar",
  "cagr",
  "totalReturn",
  "maxDrawdown",
  "annualVolatility",
] as const;

/**
 * One of {@link SELECTION_METRICS}. `maxDrawdown` ranks the shallowest
 * drawdown first and `annualVolatility` the lowest; the others the highest.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SELECTION_METRICS, type SelectionMetric } from "./mod.ts";
 *
 * const metric: SelectionMetric = "sortino";
 * assert.ok(SELECTION_METRICS.includes(metric));
 * ```
 */
export type SelectionMetric = typeof SELECTION_METRICS[number];

/**
 * The part of a run's {@link Metrics} the selection reads: a whole `Metrics` fits.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { computeMetrics } from "../analytics/mod.ts";
 * import { type SelectableMetrics, selectionScore } from "./mod.ts";
 *
 * const metrics: SelectableMetrics = computeMetrics({
 *   curve: { dates: ["2024-01-02", "2024-01-03"], value: [100, 101] },
 * });
 * assert.ok(Math.abs((selectionScore(metrics, "totalReturn") ?? NaN) - 0.01) < 1e-12);
 * ```
 */
export type SelectableMetrics = Pick<Metrics, Exclude<SelectionMetric, "maxDrawdown">> & {
  readonly maxDrawdown: Pick<Metrics["maxDrawdown"], "depth">;
};

/**
 * A run that can win a window: a stable key (its config hash) and its metrics.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { WinnerCandidate } from "./mod.ts";
 *
 * const candidate: WinnerCandidate = {
 *   key: "c0ffee",
 *   metrics: {
 *     sharpe: 1.1, sortino: 1.6, calmar: 0.8, cagr: 0.09, totalReturn: 0.3,
 *     annualVolatility: 0.12, maxDrawdown: { depth: -0.11 },
 *   },
 * };
 * assert.equal(candidate.key, "c0ffee");
 * ```
 */
export type WinnerCandidate = {
  readonly key: string;
  readonly metrics: SelectableMetrics;
};

/**
 * The value of `metric` in `metrics`, oriented so that higher is better
 * (volatility negated), or null when the run has none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { selectionScore } from "./mod.ts";
 *
 * const metrics = {
 *   sharpe: null, sortino: null, calmar: null, cagr: 0.05, totalReturn: 0.1,
 *   annualVolatility: 0.2, maxDrawdown: { depth: -0.3 },
 * };
 * assert.equal(selectionScore(metrics, "maxDrawdown"), -0.3);
 * assert.equal(selectionScore(metrics, "annualVolatility"), -0.2);
 * assert.equal(selectionScore(metrics, "sharpe"), null);
 * ```
 */
export function selectionScore(metrics: SelectableMetrics, metric: SelectionMetric): number | null {
  const value = metric === "maxDrawdown" ? metrics.maxDrawdown.depth : metrics[metric];
  if (value === null || !Number.isFinite(value)) return null;
  return metric === "annualVolatility" ? -value : value;
}

/**
 * The candidates best first by `metric` (default Sharpe), ties by key, runs
 * without a value last (also by key). The input is not changed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rankCandidates } from "./mod.ts";
 *
 * const run = (key: string, sharpe: number | null) => ({
 *   key,
 *   metrics: {
 *     sharpe, sortino: null, calmar: null, cagr: null, totalReturn: 0,
 *     annualVolatility: null, maxDrawdown: { depth: 0 },
 *   },
 * });
 * const ranked = rankCandidates([run("b", 1), run("c", null), run("a", 1), run("d", 2)]);
 * assert.deepEqual(ranked.map((c) => c.key), ["d", "a", "b", "c"]);
 * ```
 */
export function rankCandidates<C extends WinnerCandidate>(
  candidates: readonly C[],
  metric: SelectionMetric = "sharpe",
): C[] {
  const scored = candidates.map((candidate) => ({
    candidate,
    score: selectionScore(candidate.metrics, metric),
  }));
  scored.sort((x, y) => {
    if (x.score !== y.score) {
      if (x.score === null) return 1;
      if (y.score === null) return -1;
      return y.score - x.score;
    }
    return x.candidate.key < y.candidate.key ? -1 : x.candidate.key > y.candidate.key ? 1 : 0;
  });
  return scored.map((s) => s.candidate);
}

/**
 * The in-sample winner by `metric` (default Sharpe): the first of
 * {@link rankCandidates}, or null when no candidate has a value for the
 * metric (the window then has no winner to run out of sample).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chooseInSampleWinner } from "./mod.ts";
 *
 * const run = (key: string, calmar: number | null) => ({
 *   key,
 *   metrics: {
 *     sharpe: null, sortino: null, calmar, cagr: null, totalReturn: 0,
 *     annualVolatility: null, maxDrawdown: { depth: 0 },
 *   },
 * });
 * assert.equal(chooseInSampleWinner([run("x", 0.4), run("y", 0.9)], "calmar")?.key, "y");
 * assert.equal(chooseInSampleWinner([run("x", null)], "calmar"), null);
 * ```
 */
export function chooseInSampleWinner<C extends WinnerCandidate>(
  candidates: readonly C[],
  metric: SelectionMetric = "sharpe",
): C | null {
  const best = rankCandidates(candidates, metric)[0];
  if (best === undefined || selectionScore(best.metrics, metric) === null) return null;
  return best;
}
