/**
 * Speed of the analytics on 5,000 days (about 20 years of trading days):
 * `deno bench lib/analytics/metrics_bench.ts`.
 *
 * @module
 */

import { consecutiveDates } from "./_test_series.ts";
import { computeMetrics } from "./metrics.ts";
import { rollingSharpe, rollingVolatility } from "./rolling.ts";

const DAYS = 5_000;

/** A seeded random walk (Park-Miller generator): daily returns within +-2%. */
function randomWalk(seed: number): number[] {
  let state = seed;
  const value = [100];
  for (let i = 1; i < DAYS; i++) {
    state = (state * 48_271) % 2_147_483_647;
    const r = (state / 2_147_483_647 - 0.5) * 0.04;
    value.push((value[i - 1] ?? NaN) * (1 + r));
  }
  return value;
}

const dates = consecutiveDates("2000-01-03", DAYS);
const curve = { dates, value: randomWalk(7) };
const benchmark = randomWalk(11);
const trades = Array.from({ length: 500 }, (_, i) => ({ pnl: ((i * 7919) % 200) - 90 }));

Deno.bench("computeMetrics() on 5,000 days with a benchmark and 500 trades", () => {
  computeMetrics({ curve, benchmark, trades }, { riskFreeRate: 0.02 });
});

Deno.bench("rollingSharpe() on 5,000 days, window 126", () => {
  rollingSharpe(curve);
});

Deno.bench("rollingVolatility() on 5,000 days, window 126", () => {
  rollingVolatility(curve);
});
