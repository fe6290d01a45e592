/**
 * Speed of the walk-forward statistics: `deno bench lib/research/research_stats_bench.ts`.
 * The probability of backtest overfitting on grids of the sizes a sweep makes
 * (100 and 1,000 configurations over 10 to 20 years of days, 16 blocks:
 * 12,870 splits), and the deflated Sharpe ratio of one selection.
 *
 * @module
 */

import { createRandom } from "../data/random.ts";
import { probabilityOfBacktestOverfitting } from "./backtest_overfitting.ts";
import { deflatedSharpeRatio } from "./deflated_sharpe.ts";
import type { ReturnsMatrix } from "./returns_matrix.ts";
import { sharpeSampleOf } from "./sharpe_sample.ts";

function noise(periods: number, trials: number): ReturnsMatrix {
  const random = createRandom(10, `bench:${periods}x${trials}`);
  const values = new Float64Array(periods * trials);
  for (let i = 0; i < values.length; i++) values[i] = 0.01 * random.normal();
  return { periods, trials, values };
}

const small = noise(2_500, 100), large = noise(5_000, 1_000);
const returns = noise(5_000, 1).values;

Deno.bench("PBO by CSCV, 2,500 days x 100 configurations, 16 blocks", () => {
  probabilityOfBacktestOverfitting(small, { blocks: 16 });
});

Deno.bench("PBO by CSCV, 5,000 days x 1,000 configurations, 16 blocks", { n: 3 }, () => {
  probabilityOfBacktestOverfitting(large, { blocks: 16 });
});

Deno.bench("deflated Sharpe ratio of 5,000 daily returns among 1,000 trials", () => {
  deflatedSharpeRatio({ ...sharpeSampleOf(returns), trials: 1_000, sharpeVariance: 0.0004 });
});
