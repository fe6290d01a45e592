import assert from "node:assert/strict";
import { DEFAULT_REGIME_OPTIONS } from "./regime_options.ts";
import type { ResolvedProxy } from "./regime_proxies.ts";
import { momentumScore, smoothSeries } from "./regime_momentum.ts";

const proxy = (measure: "trend" | "volatility", windowsDays: number[]): ResolvedProxy => ({
  name: "test",
  axis: "growth",
  measure,
  long: ["A"],
  short: [],
  weight: 1,
  windowsDays,
  windowsWeeks: [4],
});

Deno.test("momentumScore() is the move over w days in standard deviations of a w-day move (hand calculation)", () => {
  // Changes alternate +0.01 / -0.01 (variance exactly 1e-4), then the level climbs 0.01 a day.
  const level = Float64Array.from(
    { length: 30 },
    (_, i) => i < 20 ? (i % 2) * 0.01 : (i - 18) * 0.01,
  );
  const score = momentumScore(proxy("trend", [4]), level, null, DEFAULT_REGIME_OPTIONS);
  // Day 29: L = 0.11, L(25) = 0.07; every squared change is 1e-4, so sigma = 0.01 and
  // z = 0.04 / (0.01 * sqrt(4)) = 2.
  assert.equal((score[29] as number).toFixed(9), "2.000000000");
  // Day 15: L = 0.01, L(11) = 0.01: no move.
  assert.equal(score[15], 0);
  assert.ok(Number.isNaN(score[5] as number)); // fewer than 10 changes: no volatility yet
});

Deno.test("momentumScore() scores calm days positive on a volatility proxy", () => {
  // 20 days of +-0.02 changes then 10 days of +-0.005: the recent 10-day mean square is 2.5e-5.
  const level = new Float64Array(31);
  for (let i = 1; i <= 30; i++) {
    level[i] = (level[i - 1] as number) + (i % 2 === 0 ? 1 : -1) * (i <= 20 ? 0.02 : 0.005);
  }
  const score = momentumScore(proxy("volatility", [10]), level, null, DEFAULT_REGIME_OPTIONS);
  assert.ok((score[30] as number) > 0);
  assert.ok((score[20] as number) < 0.5); // before the calm, recent and long-run volatility match
});

Deno.test("smoothSeries() is an exponential moving average with alpha 2 / (span + 1) (hand calculation)", () => {
  // Span 2: alpha 2/3. 0 -> 0; 3 -> 0 + 2/3 * 3 = 2; 3 -> 2 + 2/3 = 2.666...
  const out = smoothSeries(Float64Array.from([NaN, 0, 3, 3]), 2);
  assert.ok(Number.isNaN(out[0] as number));
  assert.deepEqual([...out.slice(1, 3)], [0, 2]);
  assert.equal((out[3] as number).toFixed(6), (8 / 3).toFixed(6));
});
