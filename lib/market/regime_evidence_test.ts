import assert from "node:assert/strict";
import { DEFAULT_REGIME_OPTIONS } from "./regime_options.ts";
import type { ResolvedProxy } from "./regime_proxies.ts";
import { accumulateEvidence, type ProxyChanges, proxyChanges } from "./regime_evidence.ts";

const proxy = (measure: "trend" | "volatility"): ResolvedProxy => ({
  name: "test",
  axis: "growth",
  measure,
  long: ["A"],
  short: [],
  weight: 1,
  windowsDays: [21],
  windowsWeeks: [4],
});

/** Log levels whose one-day changes alternate +0.01, -0.01: every squared change is 1e-4. */
const zigzag = (n: number) => Float64Array.from({ length: n }, (_, i) => (i % 2) * 0.01);

Deno.test("proxyChanges() standardises a trend change by the volatility before it (hand calculation)", () => {
  const level = zigzag(14);
  level[13] = (level[12] as number) + 0.02; // a 2-sigma rise on the last day
  const { completed } = proxyChanges(proxy("trend"), level, null, DEFAULT_REGIME_OPTIONS);
  // Every earlier change squared is 1e-4, so the EWMA variance is exactly 1e-4 (sigma 0.01);
  // the first 10 changes build the estimate, days 11.. are standardised.
  assert.ok(completed.slice(0, 11).every(Number.isNaN));
  assert.deepEqual([...completed.slice(11, 13)].map((x) => Math.round(x * 1e9) / 1e9), [1, -1]);
  assert.equal(Math.round((completed[13] as number) * 1e9) / 1e9, 2);
});

Deno.test("proxyChanges() clips a fat-tailed change at 3 standard deviations", () => {
  const level = zigzag(13);
  level[12] = (level[11] as number) - 0.08; // an 8-sigma fall
  const { completed } = proxyChanges(proxy("trend"), level, null, DEFAULT_REGIME_OPTIONS);
  assert.equal(completed[12], -3);
});

Deno.test("proxyChanges() scores a usual day 0 and a wild day negative on a volatility proxy", () => {
  const level = zigzag(13);
  level[12] = (level[11] as number) + 0.02; // squared change 4x the variance
  const { completed } = proxyChanges(proxy("volatility"), level, null, DEFAULT_REGIME_OPTIONS);
  assert.equal(Math.abs(Math.round((completed[11] as number) * 1e9)), 0);
  // -(4 - 1) / sqrt(2) = -2.1213...
  assert.equal((completed[12] as number).toFixed(4), (-3 / Math.SQRT2).toFixed(4));
});

Deno.test("accumulateEvidence() sums the weighted mean of changes, held within the bound (hand calculation)", () => {
  const nan = NaN;
  const a: ProxyChanges = {
    completed: Float64Array.from([nan, 1, 2, 2, 2, -3]),
    unfinished: new Float64Array(6).fill(nan),
  };
  const b: ProxyChanges = {
    completed: Float64Array.from([nan, 3, nan, 2, 2, -3]),
    unfinished: new Float64Array(6).fill(nan),
  };
  // Weights 1 and 3: day 1 (1 + 9) / 4 = 2.5; day 2 only a: 2 -> 4.5; day 3 +2 -> 5 (bound);
  // day 4 stays 5; day 5 -3 -> 2.
  const out = accumulateEvidence([a, b], [1, 3], 5);
  assert.deepEqual([...out], [nan, 2.5, 4.5, 5, 5, 2]);
});

Deno.test("accumulateEvidence() adds an unfinished week provisionally without keeping it", () => {
  const nan = NaN;
  const c: ProxyChanges = {
    completed: Float64Array.from([1, nan, nan, 1]),
    unfinished: Float64Array.from([nan, 0.5, 2, nan]),
  };
  assert.deepEqual([...accumulateEvidence([c], [1], 2.5)], [1, 1.5, 2.5, 2]);
});

/** Log levels from one-bar changes of alternating sign with the given sizes. */
const walk = (sizes: readonly number[]) => {
  const level = new Float64Array(sizes.length + 1);
  sizes.forEach((s, i) => (level[i + 1] = (level[i] as number) + (i % 2 === 0 ? s : -s)));
  return level;
};

/** The exponentially weighted variance of `changes[0..=k]`, as RunningVariance and LongRunVariance define it. */
const ewma = (changes: readonly number[], k: number, halfLife: number, normalised: boolean) => {
  const d = Math.pow(0.5, 1 / halfLife);
  let sum = 0, weight = 0, plain = 0;
  for (let j = 0; j <= k; j++) {
    const sq = (changes[j] as number) ** 2;
    sum = d * sum + sq;
    weight = d * weight + 1;
    plain = j === 0 ? sq : d * plain + (1 - d) * sq;
  }
  return normalised ? sum / weight : plain;
};

Deno.test("proxyChanges() damps an inflation proxy's evidence in turbulence only, by (1.5 x long-run / recent)^2", () => {
  const sizes = [...Array(1000).fill(0.01), ...Array(30).fill(0.04)];
  const level = walk(sizes);
  const inflation = { ...proxy("trend"), axis: "inflation" as const };
  const damped = proxyChanges(inflation, level, null, DEFAULT_REGIME_OPTIONS).completed;
  const plain = proxyChanges(proxy("trend"), level, null, DEFAULT_REGIME_OPTIONS).completed;
  // Calm days count in full; the first violent day alone is no turbulence yet (recent variance
  // about 1.5x the long run's, under 1.5^2): it counts in full too, clipped at 3.
  assert.equal(damped[950], plain[950]);
  assert.equal(damped[1001], plain[1001]);
  assert.equal(Math.abs(damped[1001] as number), 3);
  // 25 violent days in: recent (half-life 21, the day included) against long-run (504, before it).
  const k = 1025, change = k - 1;
  const recent = ewma(sizes, change, 21, false), longRun = ewma(sizes, change - 1, 504, true);
  assert.ok(recent > 2.25 * longRun);
  const weight = 2.25 * longRun / recent;
  assert.ok(Math.abs((damped[k] as number) - (plain[k] as number) * weight) < 1e-12);
  assert.ok(Math.abs(damped[k] as number) < 0.5 * Math.abs(plain[k] as number));
});

Deno.test("proxyChanges() reads a volatility proxy's bar as calm only as far as it is calm against the long run too", () => {
  const sizes = [...Array(300).fill(0.01), ...Array(60).fill(0.03), ...Array(5).fill(0.015)];
  const level = walk(sizes);
  const off = { ...DEFAULT_REGIME_OPTIONS, calmAgainstLongRun: false };
  const k = 361, change = k - 1; // the first 0.015 day
  const recentOnly = proxyChanges(proxy("volatility"), level, null, off).completed[k] as number;
  const both = proxyChanges(proxy("volatility"), level, null, DEFAULT_REGIME_OPTIONS)
    .completed[k] as number;
  // Against the recent variance (raised by the 60 violent days) the day looks calm: growth up.
  assert.ok(recentOnly > 0.15, `${recentOnly}`);
  // Against the long-run variance it is not: the lower score wins.
  const longRun = ewma(sizes, change - 1, 504, true);
  const expected = -(0.015 ** 2 / longRun - 1) / Math.SQRT2;
  assert.ok(expected < recentOnly);
  assert.ok(Math.abs(both - expected) < 1e-12, `${both} vs ${expected}`);
});
