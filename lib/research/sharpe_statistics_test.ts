import assert from "node:assert/strict";
import { assertClose } from "../analytics/_assert_close.ts";
import { normalCdf, normalQuantile } from "./distribution.ts";
import {
  deflatedSharpeRatio,
  EULER_MASCHERONI,
  expectedMaximumSharpe,
  sharpeVarianceOf,
} from "./deflated_sharpe.ts";
import { probabilisticSharpeRatio, sharpeStandardError } from "./probabilistic_sharpe.ts";
import { sharpeSampleOf } from "./sharpe_sample.ts";

// The numerical example of Bailey and López de Prado (2014), "The Deflated Sharpe Ratio":
// N = 100 trials, V[SR_n] = 1/2 annualised, best annualised SR = 2.5, T = 1250 daily returns
// (five years of 250 days), skewness -3, kurtosis 10. The paper reports SR0 = 0.1132 and
// DSR = 0.9004.
const PAPER = {
  sharpe: 2.5 / Math.sqrt(250),
  observations: 1250,
  skewness: -3,
  kurtosis: 10,
  trials: 100,
  sharpeVariance: 0.5 / 250,
};

Deno.test("deflatedSharpeRatio() reproduces the paper's numerical example (SR0 0.1132, DSR 0.9004)", () => {
  const dsr = deflatedSharpeRatio(PAPER);
  assert.equal(dsr.expectedMaximumSharpe.toFixed(4), "0.1132");
  assert.equal(dsr.probability.toFixed(4), "0.9004");
  // By hand, step by step: Φ⁻¹(0.99) = 2.326348, Φ⁻¹(1 - 1/(100e)) = 2.680210;
  // SR0 = sqrt(0.002) x (0.422784 x 2.326348 + 0.577216 x 2.680210) = 0.0447214 x 2.530603 = 0.113172;
  // z = (0.158114 - 0.113172) x sqrt(1249) / sqrt(1.530591) = 1.283816; Φ(1.283816) = 0.900397.
  assertClose(normalQuantile(0.99), 2.326348, 1e-6);
  assertClose(normalQuantile(1 - 1 / (100 * Math.E)), 2.680210, 1e-6);
  assertClose(dsr.expectedMaximumSharpe, 0.113172, 1e-6);
  assertClose(dsr.probability, 0.900397, 1e-6);
});

Deno.test("expectedMaximumSharpe() grows with the trials and the spread, and is 0 for one trial", () => {
  assert.equal(expectedMaximumSharpe({ trials: 1, sharpeVariance: 0.01 }), 0);
  assert.equal(expectedMaximumSharpe({ trials: 50, sharpeVariance: 0 }), 0);
  // Unit variance, N = 10: (1 - γ) Φ⁻¹(0.9) + γ Φ⁻¹(1 - 1/(10e)) = 0.422784 x 1.281552 + 0.577216 x 1.789242.
  const ten = expectedMaximumSharpe({ trials: 10, sharpeVariance: 1 });
  assertClose(
    ten,
    (1 - EULER_MASCHERONI) * normalQuantile(0.9) +
      EULER_MASCHERONI * normalQuantile(1 - 1 / (10 * Math.E)),
  );
  assertClose(ten, 1.5745, 1e-4);
  const thousand = expectedMaximumSharpe({ trials: 1000, sharpeVariance: 1 });
  assert.ok(thousand > ten);
  assertClose(expectedMaximumSharpe({ trials: 10, sharpeVariance: 4 }), 2 * ten);
  assert.throws(() => expectedMaximumSharpe({ trials: 0, sharpeVariance: 1 }), RangeError);
  assert.throws(() => expectedMaximumSharpe({ trials: 2.5, sharpeVariance: 1 }), RangeError);
  assert.throws(() => expectedMaximumSharpe({ trials: 2, sharpeVariance: -1 }), RangeError);
});

Deno.test("probabilisticSharpeRatio() is one half at the benchmark and falls with skew and fat tails", () => {
  const normal = { sharpe: 0.1, observations: 252, skewness: 0, kurtosis: 3 };
  assert.equal(probabilisticSharpeRatio({ ...normal, benchmarkSharpe: 0.1 }), 0.5);
  // By hand: σ = sqrt((1 + 2/4 x 0.01) / 251) = 0.063277; z = 0.1 / 0.063277 = 1.580352; Φ = 0.942987.
  assertClose(sharpeStandardError(normal), Math.sqrt(1.005 / 251));
  assertClose(probabilisticSharpeRatio(normal), normalCdf(0.1 / Math.sqrt(1.005 / 251)));
  assertClose(probabilisticSharpeRatio(normal), 0.942987, 1e-6);
  const skewed = probabilisticSharpeRatio({ ...normal, skewness: -2, kurtosis: 9 });
  assert.ok(skewed < probabilisticSharpeRatio(normal));
  assert.ok(probabilisticSharpeRatio({ ...normal, observations: 2520 }) > 0.99);
  assert.equal(
    deflatedSharpeRatio({ ...normal, trials: 1, sharpeVariance: 1 }).probability,
    probabilisticSharpeRatio(normal),
  );
});

Deno.test("sharpeStandardError() refuses moments no distribution has and too short records", () => {
  const base = { sharpe: 0.1, observations: 100, skewness: 0, kurtosis: 3 };
  assert.throws(() => sharpeStandardError({ ...base, kurtosis: 0.5 }), RangeError, "1 + skewness²");
  assert.throws(() => sharpeStandardError({ ...base, skewness: 2, kurtosis: 4 }), RangeError);
  assert.throws(() => sharpeStandardError({ ...base, observations: 1 }), RangeError, ">= 2");
  assert.throws(() => sharpeStandardError({ ...base, sharpe: NaN }), RangeError, "finite");
  assert.throws(
    () => probabilisticSharpeRatio({ ...base, benchmarkSharpe: Infinity }),
    RangeError,
    "benchmarkSharpe",
  );
});

Deno.test("sharpeSampleOf() measures the per-period Sharpe ratio and population moments by hand", () => {
  // Returns 0.02, 0, 0, 0, -0.01: mean 0.002; deviations 0.018, -0.002 x3, -0.012.
  // m2 = (0.000324 + 3 x 0.000004 + 0.000144) / 5 = 0.000096; sample variance 0.00048 / 4 = 0.00012.
  // m3 = (0.018³ + 3 x (-0.002)³ + (-0.012)³) / 5 = (5.832e-6 - 2.4e-8 - 1.728e-6) / 5 = 8.16e-7.
  // m4 = (0.018⁴ + 3 x 0.002⁴ + 0.012⁴) / 5 = (1.04976e-7 + 4.8e-11 + 2.0736e-8) / 5 = 2.51520e-8.
  const sample = sharpeSampleOf([0.02, 0, 0, 0, -0.01]);
  assert.equal(sample.observations, 5);
  assertClose(sample.sharpe, 0.002 / Math.sqrt(0.00012));
  assertClose(sample.skewness, 8.16e-7 / Math.pow(0.000096, 1.5), 1e-9);
  assertClose(sample.kurtosis, 2.5152e-8 / (0.000096 * 0.000096), 1e-9);
  // A 2% annual risk-free rate over 252 periods comes off the mean before dividing.
  const withRate = sharpeSampleOf([0.02, 0, 0, 0, -0.01], { riskFreeRate: 0.02 });
  assertClose(withRate.sharpe, (0.002 - (Math.pow(1.02, 1 / 252) - 1)) / Math.sqrt(0.00012));
});

Deno.test("sharpeSampleOf() refuses short, flat or non-finite returns", () => {
  assert.throws(() => sharpeSampleOf([0.01]), RangeError, "at least 2 returns");
  assert.throws(() => sharpeSampleOf([0.01, 0.01, 0.01]), RangeError, "do not vary");
  assert.throws(() => sharpeSampleOf([0.01, NaN]), RangeError, "returns[1]");
});

Deno.test("sharpeVarianceOf() is the sample variance of the defined ratios", () => {
  assertClose(sharpeVarianceOf([0.1, 0.2, 0.3, 0.6]), ((0.1 - 0.3) ** 2 + 0.01 + 0 + 0.09) / 3);
  assert.equal(sharpeVarianceOf([0.5]), 0);
  assert.equal(sharpeVarianceOf([null, NaN, 0.4]), 0);
});
