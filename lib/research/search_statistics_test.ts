import assert from "node:assert/strict";
import { deflatedSharpeRatio, sharpeVarianceOf } from "./deflated_sharpe.ts";
import { probabilityOfBacktestOverfitting } from "./backtest_overfitting.ts";
import { returnsMatrixOf } from "./returns_matrix.ts";
import { logitHistogram, searchStatisticsOf } from "./search_statistics.ts";
import { sharpeSampleOf } from "./sharpe_sample.ts";
import { createRandom } from "../data/random.ts";

/** Four configurations' returns over 200 days: seeded noise around drifts of -2 to +4 bp a day. */
function columns(): Float64Array[] {
  const rng = createRandom(3, "search-statistics");
  return [-2, 0, 2, 4].map((bp) =>
    Float64Array.from({ length: 200 }, () => bp / 10_000 + 0.01 * (rng.next() - 0.5))
  );
}

Deno.test("searchStatisticsOf() gives the chosen run's DSR given every trial, Sharpe ratios annualised", () => {
  const cols = columns();
  const stats = searchStatisticsOf(cols, 3, { riskFreeRate: 0.02 });
  // By the definitions: eq. 1 and 2 of Bailey and López de Prado (2014) on the same inputs.
  const samples = cols.map((c) => sharpeSampleOf(c, { riskFreeRate: 0.02 }));
  const expected = deflatedSharpeRatio({
    ...(samples[3] as ReturnType<typeof sharpeSampleOf>),
    trials: 4,
    sharpeVariance: sharpeVarianceOf(samples.map((s) => s.sharpe)),
  });
  assert.equal(stats.deflatedSharpe?.probability, expected.probability);
  assert.equal(stats.deflatedSharpe?.sharpe, (samples[3]?.sharpe ?? NaN) * Math.sqrt(252));
  assert.equal(
    stats.deflatedSharpe?.expectedMaximumSharpe,
    expected.expectedMaximumSharpe * Math.sqrt(252),
  );
  assert.equal(stats.deflatedSharpe?.observations, 200);
  assert.equal(stats.deflatedSharpeNote, null);
  const pbo = probabilityOfBacktestOverfitting(returnsMatrixOf(cols), { riskFreeRate: 0.02 });
  assert.equal(stats.overfitting?.probability, pbo.probability);
  assert.equal(stats.overfitting?.probabilityOfLoss, pbo.probabilityOfLoss);
  assert.equal(
    stats.overfitting?.logits.reduce((n, b) => n + b.count, 0),
    12_870,
    "every split's logit is in the histogram",
  );
});

Deno.test("searchStatisticsOf() says why a figure is missing: no winner, a flat winner, too short a span", () => {
  const cols = columns();
  const none = searchStatisticsOf(cols, null);
  assert.equal(none.deflatedSharpe, null);
  assert.match(none.deflatedSharpeNote ?? "", /no configuration has a value of the metric/);
  const flat = searchStatisticsOf([...cols, new Float64Array(200)], 4);
  assert.equal(flat.deflatedSharpe, null);
  assert.equal(
    flat.deflatedSharpeNote,
    "the chosen run's value never moved: it has no Sharpe ratio",
  );
  const short = searchStatisticsOf(cols.map((c) => c.subarray(0, 20)), 0);
  assert.ok(short.deflatedSharpe !== null);
  assert.equal(short.overfitting, null);
  assert.equal(
    short.overfittingNote,
    "no PBO: 20 periods make blocks of fewer than 2 periods: 16 blocks need at least 32 periods (use fewer blocks or a longer history)",
  );
  assert.ok(searchStatisticsOf(cols.map((c) => c.subarray(0, 20)), 0, { blocks: 4 }).overfitting);
});

Deno.test("logitHistogram() bins logits by halves, a logit of 0 among the overfit", () => {
  // By hand: -0.7 in [-1, -0.5]; 0 and -0.2 in [-0.5, 0]; 0.3 in [0, 0.5]; 1.2 in [1, 1.5].
  assert.deepEqual(logitHistogram([0, -0.2, 0.3, -0.7, 1.2]), [
    { from: -1, to: -0.5, count: 1 },
    { from: -0.5, to: 0, count: 2 },
    { from: 0, to: 0.5, count: 1 },
    { from: 0.5, to: 1, count: 0 },
    { from: 1, to: 1.5, count: 1 },
  ]);
  assert.deepEqual(logitHistogram([]), []);
});
