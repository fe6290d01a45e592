import assert from "node:assert/strict";
import { assertClose } from "./_assert_close.ts";
import { seriesFromReturns } from "./_test_series.ts";
import { resolveConventions } from "./conventions.ts";
import { annualVolatility, cagr, sharpeRatio, sortinoRatio, totalReturn } from "./return_ratios.ts";
import { simpleReturns } from "./value_series.ts";

// Tiny series for hand calculations: values 100, 110, 99, 108.9, 108.9
// daily returns r = +0.1, -0.1, +0.1, 0
// mean = 0.1 / 4 = 0.025
// deviations 0.075, -0.125, 0.075, -0.025; squares sum to
// 0.005625 + 0.015625 + 0.005625 + 0.000625 = 0.0275; sample variance 0.0275 / 3
const tiny = simpleReturns([100, 110, 99, 108.9, 108.9]);
const zeroRate = resolveConventions({}, "test");

Deno.test("totalReturn() is last over first less one", () => {
  assertClose(totalReturn([100, 110, 99, 108.9]), 0.089);
});

Deno.test("cagr() compounds over calendar years of 365.25 days", () => {
  // 100 -> 121 in 731 days (2020-01-01 to 2022-01-01): 1.21^(365.25 / 731) - 1
  assertClose(cagr([100, 121], 731), Math.pow(1.21, 365.25 / 731) - 1);
  // exactly 365.25 * 2 days would give 10%; 730 days gives a touch more
  assert.ok((cagr([100, 121], 730) ?? 0) > 0.1);
});

Deno.test("cagr() is null when no calendar day has passed", () => {
  assert.equal(cagr([100], 0), null);
});

Deno.test("annualVolatility() is the sample stdev times sqrt(252)", () => {
  assertClose(annualVolatility(tiny, 252), Math.sqrt(0.0275 / 3) * Math.sqrt(252));
  assert.equal(annualVolatility(new Float64Array([0.01]), 252), null);
});

Deno.test("sharpeRatio() is mean over sample stdev times sqrt(252) at a zero rate", () => {
  assertClose(sharpeRatio(tiny, zeroRate), 0.025 / Math.sqrt(0.0275 / 3) * Math.sqrt(252));
});

Deno.test("sharpeRatio() subtracts the geometric daily risk-free rate from the mean", () => {
  const conventions = resolveConventions({ riskFreeRate: 0.05 }, "test");
  const daily = Math.pow(1.05, 1 / 252) - 1; // about 0.000193627
  assertClose(conventions.periodRiskFree, daily);
  assertClose(
    sharpeRatio(tiny, conventions),
    (0.025 - daily) / Math.sqrt(0.0275 / 3) * Math.sqrt(252),
  );
});

Deno.test("sortinoRatio() divides by the downside deviation over all days", () => {
  // shortfalls below 0: only -0.1; mean of squares over 4 days = 0.01 / 4 = 0.0025
  // downside deviation = sqrt(0.0025) * sqrt(252); numerator = 0.025 * 252
  assertClose(sortinoRatio(tiny, zeroRate), 0.025 * 252 / (0.05 * Math.sqrt(252)));
});

Deno.test("sortinoRatio() measures shortfalls below the daily risk-free rate", () => {
  const conventions = resolveConventions({ riskFreeRate: 0.05 }, "test");
  const d = Math.pow(1.05, 1 / 252) - 1;
  // excess r - d: 0.1 - d, -0.1 - d, 0.1 - d, -d; the last two below 0 are -0.1 - d and -d
  const downside = Math.sqrt(((-0.1 - d) ** 2 + d ** 2) / 4) * Math.sqrt(252);
  assertClose(sortinoRatio(tiny, conventions), (0.025 - d) * 252 / downside);
});

Deno.test("ratios are null for a flat curve, not Infinity or NaN", () => {
  const flat = simpleReturns([100, 100, 100, 100]);
  assert.equal(annualVolatility(flat, 252), 0);
  assert.equal(sharpeRatio(flat, zeroRate), null);
  assert.equal(sortinoRatio(flat, zeroRate), null);
});

Deno.test("sharpeRatio() is null for constant returns whose stdev is rounding noise", () => {
  // 1% a day compounded: every return is 0.01 up to about 1e-16
  const values = Array.from({ length: 50 }, (_, i) => 100 * Math.pow(1.01, i));
  assert.equal(sharpeRatio(simpleReturns(values), zeroRate), null);
});

Deno.test("ratios are null with fewer than two returns", () => {
  const one = new Float64Array([0.01]);
  assert.equal(sharpeRatio(one, zeroRate), null);
  assert.equal(sortinoRatio(one, zeroRate), null);
});

// Reference: empyrical-reloaded tests/test_stats.py, fixture "mixed_returns"
// ([nan, 1, 10, -4, 2, 3, 2, 1, -10] / 100, daily), expected values to 8 decimals.
const mixed = simpleReturns(
  seriesFromReturns([0.01, 0.1, -0.04, 0.02, 0.03, 0.02, 0.01, -0.1]).value,
);

Deno.test("annualVolatility() matches empyrical annual_volatility on mixed_returns", () => {
  assertClose(annualVolatility(mixed, 252), 0.9136465399704637, 1e-8);
});

Deno.test("sharpeRatio() matches empyrical sharpe_ratio on mixed_returns", () => {
  assertClose(sharpeRatio(mixed, zeroRate), 1.7238613961706866, 1e-8);
});

Deno.test("sortinoRatio() matches empyrical sortino_ratio on mixed_returns", () => {
  // empyrical downside_risk is 0.60448325038829653 here; sortino 2.605531251673693
  assertClose(sortinoRatio(mixed, zeroRate), 2.605531251673693, 1e-8);
});

Deno.test("sortinoRatio() matches empyrical on negative_returns", () => {
  // negative_returns = [0, -6, -7, -1, -9, -2, -6, -8, -5] / 100: expected -13.532743075043401
  const negative = simpleReturns(
    seriesFromReturns([0, -0.06, -0.07, -0.01, -0.09, -0.02, -0.06, -0.08, -0.05]).value,
  );
  assertClose(sortinoRatio(negative, zeroRate), -13.532743075043401, 1e-8);
  // empyrical sharpe_ratio: -24.406808633910085
  assertClose(sharpeRatio(negative, zeroRate), -24.406808633910085, 1e-8);
});
