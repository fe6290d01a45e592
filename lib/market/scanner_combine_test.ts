/** Tests of {@link combineTimeframes}, by hand from the table in scanner_combine.ts. @module */
import assert from "node:assert/strict";
import { combineTimeframes, type WeightedPart } from "./scanner_combine.ts";
import type { ScanResult } from "./scanner_result.ts";

function part(
  weight: number,
  fields: Pick<
    ScanResult,
    "timeframe" | "condition" | "trendDirection" | "confidence" | "strength"
  >,
): WeightedPart {
  const result: ScanResult = {
    ticker: "X",
    market: "default",
    date: "2024-01-05",
    volumeRatio: fields.timeframe === "1d" ? 1.1 : 0.9,
    priceChange: fields.timeframe === "1d" ? 0.02 : 0.1,
    volatility: fields.timeframe === "1d" ? 0.2 : 0.3,
    parts: [],
    ...fields,
  };
  return { weight, result };
}

Deno.test("combineTimeframes() takes the weighted vote and the agreeing timeframes' strength", () => {
  const combined = combineTimeframes([
    part(0.5, {
      timeframe: "1d",
      condition: "trending",
      trendDirection: "up",
      confidence: 0.8,
      strength: 0.6,
    }),
    part(0.3, {
      timeframe: "1w",
      condition: "trending",
      trendDirection: "up",
      confidence: 0.5,
      strength: 0.4,
    }),
    part(0.2, {
      timeframe: "1mo",
      condition: "ranging",
      trendDirection: "down",
      confidence: 0.9,
      strength: 0.2,
    }),
  ]);
  // Votes: trending 0.5 * 0.8 + 0.3 * 0.5 = 0.55, ranging 0.2 * 0.9 = 0.18; total weight 1.
  assert.equal(combined.condition, "trending");
  assert.ok(Math.abs(combined.confidence - 0.55) < 1e-12);
  // Strength: (0.4 * 0.6 + 0.15 * 0.4) / 0.55. Direction: 0.4 + 0.15 - 0.18 > 0.
  assert.ok(Math.abs(combined.strength - 0.3 / 0.55) < 1e-12);
  assert.equal(combined.trendDirection, "up");
  // The measures are the heaviest timeframe's (1d).
  assert.deepEqual([combined.volumeRatio, combined.priceChange, combined.volatility], [
    1.1,
    0.02,
    0.2,
  ]);
});

Deno.test("combineTimeframes() gives a tie to the heaviest timeframe's condition", () => {
  const combined = combineTimeframes([
    part(0.5, {
      timeframe: "1d",
      condition: "ranging",
      trendDirection: "down",
      confidence: 0.6,
      strength: 0.1,
    }),
    part(0.3, {
      timeframe: "1w",
      condition: "trending",
      trendDirection: "up",
      confidence: 1,
      strength: 0.7,
    }),
  ]);
  // 0.5 * 0.6 = 0.3 = 0.3 * 1: ranging (1d) wins, over the weights classified (0.8).
  assert.equal(combined.condition, "ranging");
  assert.ok(Math.abs(combined.confidence - 0.3 / 0.8) < 1e-12);
  // Direction votes: -0.3 + 0.3 = 0 -> the heaviest's direction.
  assert.equal(combined.trendDirection, "down");
});

Deno.test("combineTimeframes() points a breakout up even when slower timeframes lean down", () => {
  const combined = combineTimeframes([
    part(0.5, {
      timeframe: "1d",
      condition: "breakout",
      trendDirection: "up",
      confidence: 0.4,
      strength: 0.5,
    }),
    part(0.3, {
      timeframe: "1w",
      condition: "ranging",
      trendDirection: "down",
      confidence: 0.5,
      strength: 0.1,
    }),
    part(0.2, {
      timeframe: "1mo",
      condition: "ranging",
      trendDirection: "down",
      confidence: 0.2,
      strength: 0.1,
    }),
  ]);
  // Votes: breakout 0.2, ranging 0.15 + 0.04 = 0.19.
  assert.equal(combined.condition, "breakout");
  assert.equal(combined.trendDirection, "up");
  assert.ok(Math.abs(combined.confidence - 0.2) < 1e-12);
});

Deno.test("combineTimeframes() refuses an empty list", () => {
  assert.throws(() => combineTimeframes([]), RangeError);
});
