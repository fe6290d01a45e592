/**
 * Tests of {@link classifyBar}: each rule of the table in conditions.ts, with the
 * expected confidence and strength computed by hand from the same table.
 *
 * @module
 */
import assert from "node:assert/strict";
import { type BarSignals, classifyBar } from "./conditions.ts";

const NEUTRAL: BarSignals = {
  adx: 15,
  plusDi: 20,
  minusDi: 20,
  alignment: 0,
  macdLine: 0,
  macdHistogram: 0,
  percentB: 0.5,
  bandDistance: 0,
  squeeze: 0,
  rsi: 50,
  volumeRatio: 1,
};

const close = (a: number | undefined, b: number) =>
  assert.ok(a !== undefined && Math.abs(a - b) < 1e-12, `${a} vs ${b}`);

Deno.test("classifyBar() calls a close above the upper band on 1.5x volume a breakout, whatever ADX says", () => {
  const found = classifyBar({
    ...NEUTRAL,
    adx: 30,
    percentB: 1.2,
    volumeRatio: 2,
    bandDistance: 0.5,
    squeeze: 1,
    macdHistogram: 0.3,
    rsi: 60,
  });
  assert.equal(found?.condition, "breakout");
  assert.equal(found?.trendDirection, "up");
  // 0.25 * 0.5 (half an ATR) + 0.25 * 0.5 (volume 2x) + 0.2 * 1 + 0.15 * 1 + 0.15 * 0.5.
  close(found?.confidence, 0.675);
  close(found?.strength, 0.5);
});

Deno.test("classifyBar() calls a close below the lower band on volume a breakdown", () => {
  const found = classifyBar({
    ...NEUTRAL,
    percentB: -0.1,
    volumeRatio: 1.5,
    bandDistance: 2,
    macdHistogram: -0.1,
    rsi: 30,
  });
  assert.equal(found?.condition, "breakdown");
  assert.equal(found?.trendDirection, "down");
  // 0.25 * 1 + 0.25 * 0.25 + 0.2 * 0 + 0.15 * 1 + 0.15 * 1.
  close(found?.confidence, 0.6125);
  close(found?.strength, (1 + 0.25) / 2);
});

Deno.test("classifyBar() does not call a band break without volume (or volume data) a breakout", () => {
  const thin = { ...NEUTRAL, adx: 30, plusDi: 30, percentB: 1.2, bandDistance: 0.5 };
  assert.equal(classifyBar({ ...thin, volumeRatio: 1.2 })?.condition, "trending");
  assert.equal(classifyBar({ ...thin, volumeRatio: NaN })?.condition, "trending");
});

Deno.test("classifyBar() calls ADX above 25 trending, with confidence from the evidence table", () => {
  const found = classifyBar({
    ...NEUTRAL,
    adx: 32.5,
    plusDi: 30,
    minusDi: 10,
    alignment: 1,
    macdLine: 1,
    macdHistogram: -0.2,
    rsi: 62,
  });
  assert.equal(found?.condition, "trending");
  assert.equal(found?.trendDirection, "up");
  // 0.4 * (32.5 - 20) / 20 + 0.25 * 1 + 0.2 * (0.5 + 0) + 0.15 * (12 / 20).
  close(found?.confidence, 0.69);
  close(found?.strength, 0.65);
});

Deno.test("classifyBar() leaves an unknown reading out of the confidence (monthly bars lack the 200-bar MA)", () => {
  const found = classifyBar({ ...NEUTRAL, adx: 15, alignment: NaN, percentB: 0.25, rsi: 60 });
  assert.equal(found?.condition, "ranging");
  // (0.4 * 10/15 + 0.2 * (1 - |0.5 - 1|) + 0.2 * (1 - 10/20)) / (0.4 + 0.2 + 0.2).
  close(found?.confidence, (0.4 * (2 / 3) + 0.1 + 0.1) / 0.8);
});

Deno.test("classifyBar() settles ADX between 20 and 25 by the stronger evidence", () => {
  const trendy = {
    ...NEUTRAL,
    adx: 22,
    plusDi: 25,
    minusDi: 15,
    alignment: 1,
    macdLine: 1,
    macdHistogram: 1,
    rsi: 70,
    percentB: 0.9,
  };
  // Trend: 0.4 * 0.1 + 0.25 + 0.2 + 0.15 = 0.64; range: 0.4 * 0.2 + 0 + 0.2 * 0.2 + 0 = 0.12.
  const found = classifyBar(trendy);
  assert.equal(found?.condition, "trending");
  close(found?.confidence, 0.64);
  // Tangled averages, flat MACD and RSI 50: range 0.4 * 0.2 + 0.2 + 0.2 + 0.2 = 0.68 wins.
  const tangled = classifyBar({ ...NEUTRAL, adx: 22, plusDi: 25, minusDi: 15 });
  assert.equal(tangled?.condition, "ranging");
  close(tangled?.confidence, 0.68);
  // ADX exactly 25 is not above 25: still settled by evidence.
  assert.equal(classifyBar({ ...NEUTRAL, adx: 25 })?.condition, "ranging");
});

Deno.test("classifyBar() breaks a +DI / -DI tie by the MACD histogram", () => {
  assert.equal(classifyBar({ ...NEUTRAL, macdHistogram: -1 })?.trendDirection, "down");
  assert.equal(classifyBar({ ...NEUTRAL, macdHistogram: 0 })?.trendDirection, "up");
  assert.equal(classifyBar({ ...NEUTRAL, minusDi: 25 })?.trendDirection, "down");
});

Deno.test("classifyBar() cannot classify without ADX, the DIs or %b", () => {
  assert.equal(classifyBar({ ...NEUTRAL, adx: NaN }), undefined);
  assert.equal(classifyBar({ ...NEUTRAL, minusDi: NaN }), undefined);
  assert.equal(classifyBar({ ...NEUTRAL, percentB: NaN }), undefined);
});
