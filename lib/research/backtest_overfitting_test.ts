import assert from "node:assert/strict";
import { assertClose } from "../analytics/_assert_close.ts";
import { mean, sampleStdev } from "../analytics/statistics.ts";
import { createRandom } from "../data/random.ts";
import {
  cscvProblem,
  cscvSplits,
  probabilityOfBacktestOverfitting,
} from "./backtest_overfitting.ts";
import { combinations, halfSharpe, summariseBlocks } from "./cscv_blocks.ts";
import { type ReturnsMatrix, returnsMatrixOf } from "./returns_matrix.ts";

/** Two periods per block, m + 1 and m - 1 (x 0.001), so every block has mean m and the same spread. */
const column = (means: number[]) => means.flatMap((m) => [(m + 1) / 1000, (m - 1) / 1000]);

// Worked example by hand. Block means: A 3, 3, -1, -1; B 1, 1, 1, 1; C -1, -1, 3, 3 (x 0.001).
// A half of two blocks with means m1, m2 has mean (m1 + m2)/2 and sample variance
// (4 + (m1 - m2)²) / 3, so (dropping the common 0.001):
//   equal means m: Sharpe m / sqrt(4/3) = m x sqrt(3)/2 (A on {0,1}: 2.598, B: 0.866, C: -0.866);
//   means 3 and -1: Sharpe 1 / sqrt(20/3) = 0.387.
// Splits in order {0,1}, {0,2}, {0,3}, {1,2}, {1,3}, {2,3}:
//   {0,1}: A best in sample (2.598); out of sample {2,3} A has -0.866, rank 1 of 3: ω = 1/4, λ = -ln 3.
//   {2,3}: C likewise, λ = -ln 3.
//   the four mixed splits: B best in sample (0.866 > 0.387) and out of sample: rank 3, ω = 3/4, λ = ln 3.
// PBO = 2/6; probability of loss = 2/6 (A and C lose out of sample); the degradation line through
// (2.598, -0.866) and (0.866, 0.866) has slope -1 and intercept sqrt(3).
const WORKED = returnsMatrixOf([
  column([3, 3, -1, -1]),
  column([1, 1, 1, 1]),
  column([-1, -1, 3, 3]),
]);

Deno.test("probabilityOfBacktestOverfitting() matches the worked example by hand", () => {
  const pbo = probabilityOfBacktestOverfitting(WORKED, { blocks: 4 });
  const ln3 = Math.log(3);
  assert.equal(pbo.splits, 6);
  assert.equal(pbo.blockPeriods, 2);
  assert.equal(pbo.droppedPeriods, 0);
  assert.deepEqual(pbo.best, [0, 1, 1, 1, 1, 2]);
  pbo.logits.forEach((l, i) => assertClose(l, [-ln3, ln3, ln3, ln3, ln3, -ln3][i] ?? NaN));
  assert.equal(pbo.probability, 2 / 6);
  assert.equal(pbo.probabilityOfLoss, 2 / 6);
  const half = Math.sqrt(3) / 2;
  pbo.inSampleSharpe.forEach((s, i) =>
    assertClose(s, [3 * half, half, half, half, half, 3 * half][i] ?? NaN)
  );
  pbo.outOfSampleSharpe.forEach((s, i) =>
    assertClose(s, [-half, half, half, half, half, -half][i] ?? NaN)
  );
  assertClose(pbo.degradation?.slope, -1);
  assertClose(pbo.degradation?.intercept, Math.sqrt(3));
});

Deno.test("probabilityOfBacktestOverfitting() leaves out the oldest rows that do not fill a block", () => {
  const withExtra = returnsMatrixOf(
    [column([3, 3, -1, -1]), column([1, 1, 1, 1]), column([-1, -1, 3, 3])].map((c) => [0.5, ...c]),
  );
  const pbo = probabilityOfBacktestOverfitting(withExtra, { blocks: 4 });
  assert.equal(pbo.droppedPeriods, 1);
  assert.deepEqual(pbo.logits, probabilityOfBacktestOverfitting(WORKED, { blocks: 4 }).logits);
});

Deno.test("halfSharpe() pooled from block summaries equals the Sharpe ratio of the rows themselves", () => {
  const random = createRandom(10, "cscv");
  const columns = Array.from(
    { length: 7 },
    (_, n) => Array.from({ length: 123 }, () => 0.0004 * n + 0.01 * random.normal()),
  );
  const matrix = returnsMatrixOf(columns);
  const summaries = summariseBlocks(matrix, 6); // 20 rows a block, 3 dropped
  const out = new Float64Array(7);
  for (const chosen of combinations(6, 3)) {
    halfSharpe(summaries, chosen, 0.0001, out);
    columns.forEach((c, n) => {
      const rows = chosen.flatMap((b) => c.slice(3 + b * 20, 3 + (b + 1) * 20));
      assertClose(out[n], (mean(rows) - 0.0001) / sampleStdev(rows), 1e-10);
    });
  }
});

/** A T x N matrix of i.i.d. normal returns, plus `drift` on the first `skilled` trials. */
function simulated(periods: number, trials: number, skilled: number, drift: number): ReturnsMatrix {
  const random = createRandom(2017, `pbo:${skilled}`);
  const values = new Float64Array(periods * trials);
  for (let i = 0; i < values.length; i++) {
    values[i] = 0.01 * random.normal() + (i % trials < skilled ? drift : 0);
  }
  return { periods, trials, values };
}

Deno.test("probabilityOfBacktestOverfitting() is near one half for pure noise and near zero with real skill", () => {
  // With no skill anywhere, the in-sample best is a random draw out of sample: PBO about 0.5.
  const noise = probabilityOfBacktestOverfitting(simulated(1000, 50, 0, 0), { blocks: 10 });
  assert.equal(noise.splits, 252);
  assert.ok(noise.probability > 0.25 && noise.probability < 0.75, `noise PBO ${noise.probability}`);
  // Five trials with a daily Sharpe of 0.15 among 45 without: the in-sample best is always one of
  // the five and stays in the top half out of sample.
  const skill = probabilityOfBacktestOverfitting(simulated(1000, 50, 5, 0.0015), { blocks: 10 });
  assert.equal(skill.probability, 0);
  assert.equal(skill.probabilityOfLoss, 0);
});

Deno.test("probabilityOfBacktestOverfitting() counts identical trials as overfit (the median is not better)", () => {
  const same = column([1, -2, 3, 0]);
  const pbo = probabilityOfBacktestOverfitting(returnsMatrixOf([same, same, same]), { blocks: 4 });
  assert.deepEqual(pbo.best, [0, 0, 0, 0, 0, 0], "ties in sample go to the first column");
  assert.ok(pbo.logits.every((l) => l === 0));
  assert.equal(pbo.probability, 1);
});

Deno.test("cscvProblem() says when the grid or the history does not allow CSCV", () => {
  assert.equal(cscvProblem({ periods: 32, trials: 2 }), null);
  assert.equal(
    cscvProblem({ periods: 5000, trials: 1 }),
    "the grid has 1 configuration(s): ranking configurations against each other needs at least 2",
  );
  assert.equal(
    cscvProblem({ periods: 31, trials: 10 }),
    "31 periods make blocks of fewer than 2 periods: 16 blocks need at least 32 periods (use fewer blocks or a longer history)",
  );
  assert.equal(cscvProblem({ periods: 31, trials: 10 }, { blocks: 8 }), null);
  for (const blocks of [0, 3, 26, 2.5]) {
    assert.match(
      cscvProblem({ periods: 1000, trials: 10 }, { blocks }) ?? "",
      /even number from 2 to 24/,
    );
  }
  assert.throws(
    () => probabilityOfBacktestOverfitting(returnsMatrixOf([[0.01, 0.02, 0.03, 0.04]])),
    RangeError,
    "Cannot estimate the probability of backtest overfitting as the grid has 1 configuration(s)",
  );
  assert.equal(cscvSplits(16), 12_870);
  assert.equal(cscvSplits(24), 2_704_156);
});

Deno.test("returnsMatrixOf() refuses ragged columns and non-finite returns", () => {
  assert.throws(() => returnsMatrixOf([[0.1, 0.2], [0.1]]), RangeError, "column 1 holds 1");
  assert.throws(() => returnsMatrixOf([[0.1, NaN]]), RangeError, "column 0, period 1");
});
