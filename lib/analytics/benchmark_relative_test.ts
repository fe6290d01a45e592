import assert from "node:assert/strict";
import { assertClose } from "./_assert_close.ts";
import { seriesFromReturns } from "./_test_series.ts";
import { relativeMetrics } from "./benchmark_relative.ts";
import { resolveConventions } from "./conventions.ts";
import { simpleReturns } from "./value_series.ts";

const zeroRate = resolveConventions({}, "test");
const returnsOf = (r: number[]) => simpleReturns(seriesFromReturns(r).value);

Deno.test("relativeMetrics() computes beta, Jensen's alpha and the information ratio by hand", () => {
  // r = 0.02, 0, 0.01; b = 0.01, -0.01, 0.03
  const r = new Float64Array([0.02, 0, 0.01]), b = new Float64Array([0.01, -0.01, 0.03]);
  // mean r = 0.01, mean b = 0.01; deviations r: 0.01, -0.01, 0; b: 0, -0.02, 0.02
  // cov = (0 + 0.0002 + 0) / 2 = 0.0001; var b = (0 + 0.0004 + 0.0004) / 2 = 0.0004
  const beta = 0.0001 / 0.0004;
  // alpha a day = 0.01 - 0.25 * 0.01 = 0.0075; x 252
  // active a = 0.01, 0.01, -0.02: mean 0, so IR = 0
  // deviations 0.01, 0.01, -0.02; sample variance (0.0001 + 0.0001 + 0.0004) / 2 = 0.0003
  const m = relativeMetrics(r, b, resolveConventions({}, "test"));
  assertClose(m.beta, beta);
  assertClose(m.alpha, 0.0075 * 252);
  assertClose(m.trackingError, Math.sqrt(0.0003) * Math.sqrt(252));
  assertClose(m.informationRatio, 0);
});

Deno.test("relativeMetrics() subtracts the daily risk-free rate in Jensen's alpha", () => {
  const r = new Float64Array([0.02, 0, 0.01]), b = new Float64Array([0.01, -0.01, 0.03]);
  const d = Math.pow(1.04, 1 / 252) - 1;
  const m = relativeMetrics(r, b, resolveConventions({ riskFreeRate: 0.04 }, "test"));
  assertClose(m.alpha, ((0.01 - d) - 0.25 * (0.01 - d)) * 252);
});

Deno.test("relativeMetrics() has no beta or alpha against a flat benchmark", () => {
  const r = new Float64Array([0.02, 0, 0.01]), flat = new Float64Array(3);
  const m = relativeMetrics(r, flat, zeroRate);
  assert.equal(m.beta, null);
  assert.equal(m.alpha, null);
});

Deno.test("relativeMetrics() has no information ratio without tracking error", () => {
  const r = new Float64Array([0.02, 0, 0.01]);
  const m = relativeMetrics(r, r, zeroRate);
  assert.equal(m.trackingError, 0);
  assert.equal(m.informationRatio, null);
  assert.equal(m.beta, 1);
  assert.equal(m.alpha, 0);
});

// Reference: empyrical-reloaded tests/test_stats.py (8 decimals), fixtures
// mixed_returns = [nan, 1, 10, -4, 2, 3, 2, 1, -10] / 100,
// negative_returns[1:] = [-6, -7, -1, -9, -2, -6, -8, -5] / 100.
const mixed = [0.01, 0.1, -0.04, 0.02, 0.03, 0.02, 0.01, -0.1];

Deno.test("relativeMetrics() matches empyrical alpha_beta on mixed vs negative returns", () => {
  const m = relativeMetrics(
    returnsOf(mixed),
    returnsOf([-0.06, -0.07, -0.01, -0.09, -0.02, -0.06, -0.08, -0.05]),
    zeroRate,
  );
  assertClose(m.beta, -0.71296296296296313, 1e-8);
  // empyrical compounds the daily alpha, (1 + daily)^252 - 1 = -0.9997853834885004;
  // this module annualises it x 252, so compare the daily alpha.
  assertClose(Math.pow(1 + (m.alpha ?? NaN) / 252, 252) - 1, -0.9997853834885004, 1e-8);
});

Deno.test("relativeMetrics() matches empyrical alpha_beta against itself and its negative", () => {
  const r = returnsOf(mixed);
  const negated = returnsOf(mixed.map((x) => -x));
  const same = relativeMetrics(r, r, zeroRate);
  assertClose(same.beta, 1, 1e-8);
  assertClose(same.alpha, 0, 1e-8);
  const opposite = relativeMetrics(r, negated, zeroRate);
  assertClose(opposite.beta, -1, 1e-8);
  assertClose(opposite.alpha, 0, 1e-8);
});

Deno.test("relativeMetrics() information ratio is empyrical excess_sharpe x sqrt(252)", () => {
  // excess_sharpe(mixed_returns, 0.0) = 0.10859306069076737 (not annualised)
  const m = relativeMetrics(returnsOf(mixed), new Float64Array(mixed.length), zeroRate);
  assertClose(m.informationRatio, 0.10859306069076737 * Math.sqrt(252), 1e-8);
});
