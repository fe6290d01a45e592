import assert from "node:assert/strict";
import type { RegimeName } from "./regime.ts";
import { scoreRegimes } from "./regime_accuracy.ts";

const dates = Array.from({ length: 10 }, (_, i) => `2024-01-${String(i + 10).padStart(2, "0")}`);
const G: RegimeName = "Goldilocks", R: RegimeName = "Reflation";
const I: RegimeName = "Inflation", D: RegimeName = "Deflation";

Deno.test("scoreRegimes() counts right days, undetected ones as wrong in accuracy only (hand count)", () => {
  const labels = { dates, regime: [G, G, G, G, I, I, I, I, I, D] };
  const detected = { dates, regimes: [null, G, G, G, G, G, I, I, R, D] };
  const s = scoreRegimes(detected, labels);
  // Right: days 1, 2, 3 (G), 6, 7 (I), 9 (D) = 6 of 10 labelled, of 9 detected.
  assert.equal(s.accuracy, 6 / 10);
  assert.equal(s.accuracyDetected, 6 / 9);
  assert.equal(s.detectedDays, 9);
  assert.deepEqual(s.byRegime.Inflation, { days: 5, correct: 2, accuracy: 2 / 5 });
  assert.deepEqual(s.confusion.Goldilocks, {
    Goldilocks: 3,
    Reflation: 0,
    Inflation: 0,
    Deflation: 0,
    none: 1,
  });
  assert.deepEqual(s.confusion.Inflation, {
    Goldilocks: 2,
    Reflation: 1,
    Inflation: 2,
    Deflation: 0,
    none: 0,
  });
  // Growth right on 6 detected days as G/I/D labels: G-G x3, I-G x2 no, I-I x2, I-R no, D-D -> 6 of 9;
  // inflation right: G-G x3, I-G no x2, I-I x2, I-R yes, D-D -> 7 of 9.
  assert.equal(s.axisAccuracy.growth, 6 / 9);
  assert.equal(s.axisAccuracy.inflation, 7 / 9);
});

Deno.test("scoreRegimes() measures the lag of each labelled switch in trading days, missed ones as null", () => {
  const labels = { dates, regime: [G, G, I, I, I, I, D, D, R, R] };
  const detected = { dates, regimes: [G, G, G, G, I, I, I, I, I, I] };
  const s = scoreRegimes(detected, labels);
  assert.deepEqual(s.switches, [
    { date: dates[2], from: G, to: I, lagDays: 2 },
    { date: dates[6], from: I, to: D, lagDays: null },
    { date: dates[8], from: D, to: R, lagDays: null },
  ]);
  assert.equal(s.missedSwitches, 2);
  assert.equal(s.meanLagDays, 2);
  // Lags sorted [2, Inf, Inf]: the median counts the missed ones.
  assert.equal(s.medianLagDays, Infinity);
});

Deno.test("scoreRegimes() leaves out switches before the first detection", () => {
  const labels = { dates, regime: [G, I, I, I, I, D, D, D, D, D] };
  const detected = { dates, regimes: [null, null, null, I, I, I, D, D, D, D] };
  const s = scoreRegimes(detected, labels);
  assert.deepEqual(s.switches.map((x) => [x.to, x.lagDays]), [[D, 1]]);
  assert.equal(s.medianLagDays, 1);
});

Deno.test("scoreRegimes() aligns by date, so a detection calendar with extra days is fine", () => {
  const labels = { dates: dates.slice(0, 3), regime: [G, G, R] };
  const detected = { dates: ["2024-01-01", ...dates], regimes: [D, G, G, R, ...Array(7).fill(R)] };
  const s = scoreRegimes(detected, labels);
  assert.equal(s.accuracy, 1);
  assert.deepEqual(s.switches.map((x) => x.lagDays), [0]);
});
