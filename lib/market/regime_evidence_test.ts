import assert from "node:assert/strict";
import { DEFAULT_REGIME_OPTIONS } from "./regime_options.ts";
import type { ResolvedProxy } from "./regime_proxies.ts";
import { accumulateEvidence, type ProxyChanges, proxyChanges } from "./regime_evidence.ts";

const proxy = (measure: "trend" | "volatility"): ResolvedProxy => ({
  name: "test",
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
