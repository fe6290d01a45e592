import assert from "node:assert/strict";
import fc from "fast-check";
import { computeMetrics } from "../analytics/metrics.ts";
import {
  chooseInSampleWinner,
  rankCandidates,
  type SelectableMetrics,
  SELECTION_METRICS,
  selectionScore,
} from "./in_sample_winner.ts";

const EMPTY: SelectableMetrics = {
  sharpe: null,
  sortino: null,
  calmar: null,
  cagr: null,
  totalReturn: 0,
  annualVolatility: null,
  maxDrawdown: { depth: 0 },
};

Deno.test("chooseInSampleWinner() takes the highest Sharpe ratio by default", () => {
  const runs = [
    { key: "a", metrics: { ...EMPTY, sharpe: 0.4 } },
    { key: "b", metrics: { ...EMPTY, sharpe: 1.3 } },
    { key: "c", metrics: { ...EMPTY, sharpe: -0.2 } },
  ];
  assert.equal(chooseInSampleWinner(runs)?.key, "b");
});

Deno.test("chooseInSampleWinner() prefers the shallowest drawdown and the lowest volatility", () => {
  const runs = [
    { key: "a", metrics: { ...EMPTY, maxDrawdown: { depth: -0.25 }, annualVolatility: 0.1 } },
    { key: "b", metrics: { ...EMPTY, maxDrawdown: { depth: -0.1 }, annualVolatility: 0.3 } },
  ];
  assert.equal(chooseInSampleWinner(runs, "maxDrawdown")?.key, "b");
  assert.equal(chooseInSampleWinner(runs, "annualVolatility")?.key, "a");
});

Deno.test("chooseInSampleWinner() breaks ties by key whatever order the results came in", () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
      fc.array(fc.constantFrom(0.5, 1, null), { minLength: 12, maxLength: 12 }),
      fc.constantFrom(...SELECTION_METRICS),
      (keys, values, metric) => {
        const runs = keys.map((key, i) => {
          const v = values[i] ?? null;
          return {
            key,
            metrics: {
              sharpe: v,
              sortino: v,
              calmar: v,
              cagr: v,
              totalReturn: v ?? 0,
              annualVolatility: v,
              maxDrawdown: { depth: v === null ? 0 : -v },
            },
          };
        });
        const expected = rankCandidates(runs, metric).map((r) => r.key);
        const reversed = rankCandidates([...runs].reverse(), metric).map((r) => r.key);
        assert.deepEqual(reversed, expected);
        const winner = chooseInSampleWinner(runs, metric);
        if (winner !== null) {
          const best = selectionScore(winner.metrics, metric);
          const tied = runs.filter((r) => selectionScore(r.metrics, metric) === best);
          assert.equal(winner.key, tied.map((r) => r.key).sort()[0]);
        }
      },
    ),
    { seed: 10, numRuns: 200 },
  );
});

Deno.test("chooseInSampleWinner() ranks runs without a value last and returns null when none has one", () => {
  const runs = [
    { key: "a", metrics: EMPTY },
    { key: "b", metrics: { ...EMPTY, sharpe: -3 } },
  ];
  assert.equal(chooseInSampleWinner(runs)?.key, "b");
  assert.equal(chooseInSampleWinner([{ key: "a", metrics: EMPTY }]), null);
  assert.equal(chooseInSampleWinner([]), null);
  assert.equal(selectionScore({ ...EMPTY, sharpe: NaN }, "sharpe"), null);
});

Deno.test("chooseInSampleWinner() reads the metrics of a run result as they are", () => {
  const curve = (value: number[]) => ({
    dates: ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"],
    value,
  });
  const steady = { key: "s", metrics: computeMetrics({ curve: curve([100, 101, 102, 103]) }) };
  const bumpy = { key: "b", metrics: computeMetrics({ curve: curve([100, 104, 101, 105]) }) };
  assert.equal(chooseInSampleWinner([bumpy, steady])?.key, "s");
  assert.equal(chooseInSampleWinner([bumpy, steady], "totalReturn")?.key, "b");
});
