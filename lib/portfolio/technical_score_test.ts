import assert from "node:assert/strict";
import { assertNear } from "./_assert_near.ts";
import { type ScanSnapshot, technicalParts, technicalScore } from "./technical_score.ts";

// Expected values: the module doc's formula worked by hand in each test.

const scan = (
  condition: ScanSnapshot["condition"],
  trendDirection: "up" | "down",
  confidence: number,
  strength: number,
): ScanSnapshot => ({ condition, trendDirection, confidence, strength });

Deno.test("technicalScore() of a confident uptrend with every reading, by hand", () => {
  const score = technicalScore({
    scan: scan("trending", "up", 0.9, 0.8),
    indicators: {
      maAlignment: 1,
      macdHistogram: 0.3,
      rsi: 62,
      rateOfChange: 0.08,
      volatility: 0.2,
    },
  });
  // scan 0.5 + 0.45 = 0.95; strength 0.5 + 0.4 = 0.9; MA (1 + 1) / 2 = 1; MACD 1;
  // RSI 1 - 3/50 = 0.94; ROC 0.5 + 0.5 tanh(0.8); volatility 1 / (1 + 0.2/0.4) = 2/3.
  const expected = 0.4 * 0.95 + 0.1 * 0.9 + 0.15 * 1 + 0.1 * 1 + 0.1 * 0.94 +
    0.1 * (0.5 + 0.5 * Math.tanh(0.8)) + 0.05 * (2 / 3);
  assertNear(score, expected);
  assert.ok(expected > 0.93 && expected < 0.931);
});

Deno.test("technicalScore() of a confident breakdown with every reading is low, by hand", () => {
  const score = technicalScore({
    scan: scan("breakdown", "down", 0.9, 0.8),
    indicators: {
      maAlignment: -1,
      macdHistogram: -0.2,
      rsi: 25,
      rateOfChange: -0.1,
      volatility: 0.4,
    },
  });
  // scan 0.05; strength 0.1; MA 0; MACD 0; RSI 1 - 40/50 = 0.2; ROC 0.5 - 0.5 tanh(1); vol 0.5
  const expected = 0.4 * 0.05 + 0.1 * 0.1 + 0 + 0 + 0.1 * 0.2 + 0.1 * (0.5 - 0.5 * Math.tanh(1)) +
    0.05 * 0.5;
  assertNear(score, expected);
  assert.ok(expected < 0.1);
});

Deno.test("technicalScore() orders trending up > breakout > ranging > trending down > breakdown", () => {
  const s = (snapshot: ScanSnapshot) => technicalScore({ scan: snapshot }) ?? NaN;
  const up = s(scan("trending", "up", 0.9, 0.6));
  const breakout = s(scan("breakout", "up", 0.7, 0.6));
  const ranging = s(scan("ranging", "up", 0.9, 0.6));
  const down = s(scan("trending", "down", 0.5, 0.6));
  const breakdown = s(scan("breakdown", "down", 0.9, 0.6));
  assert.ok(up > breakout && breakout > ranging && ranging > down && down > breakdown);
  assert.equal(ranging, 0.5);
});

Deno.test("technicalScore() of up and down trends of equal evidence add up to 1 (symmetry)", () => {
  const up = technicalScore({
    scan: scan("trending", "up", 0.8, 0.4),
    indicators: { maAlignment: 0.6 },
  });
  const down = technicalScore({
    scan: scan("trending", "down", 0.8, 0.4),
    indicators: { maAlignment: -0.6 },
  });
  assertNear((up ?? NaN) + (down ?? NaN), 1);
});

Deno.test("technicalScore() leaves out NaN readings and rescales the other weights", () => {
  const withNaN = technicalScore({
    scan: scan("trending", "up", 0.9, 0.8),
    indicators: { rsi: NaN, maAlignment: 1, macdHistogram: NaN },
  });
  // (0.4 * 0.95 + 0.1 * 0.9 + 0.15 * 1) / (0.4 + 0.1 + 0.15)
  assertNear(withNaN, 0.62 / 0.65);
});

Deno.test("technicalScore() takes rate of change and volatility from the scan unless readings give them", () => {
  const base = { ...scan("trending", "up", 1, 1), priceChange: 0.1, volatility: 0.4 };
  const weights = { scan: 0, strength: 0, rateOfChange: 1, volatility: 1 };
  // (0.5 + 0.5 tanh(1) + 0.5) / 2 from the scan's figures
  assertNear(technicalScore({ scan: base }, { weights }), (1 + 0.5 * Math.tanh(1)) / 2);
  // readings win: ROC 0 -> 0.5, volatility 0 -> 1
  assertNear(
    technicalScore({ scan: base, indicators: { rateOfChange: 0, volatility: 0 } }, { weights }),
    0.75,
  );
});

Deno.test("technicalParts() gives each component of the module doc's table", () => {
  const parts = technicalParts({
    scan: scan("trending", "up", 0.6, 0.2),
    indicators: { maAlignment: 1 / 3, macdHistogram: 0, rsi: 90 },
  });
  assert.deepEqual(
    {
      ...parts,
      scan: Number(parts.scan.toFixed(12)),
      maAlignment: Number(parts.maAlignment.toFixed(12)),
    },
    {
      scan: 0.8,
      strength: 0.6,
      maAlignment: 0.666666666667,
      macd: 0.5,
      rsi: 0.5,
      rateOfChange: NaN,
      volatility: NaN,
    },
  );
});

Deno.test("technicalScore() is null when no reading is finite", () => {
  assert.equal(technicalScore({ scan: scan("trending", "up", NaN, NaN) }), null);
});

Deno.test("technicalScore() rejects negative or all-zero weights and a zero RSI width", () => {
  const input = { scan: scan("trending", "up", 0.9, 0.8) };
  assert.throws(() => technicalScore(input, { weights: { scan: -1 } }), RangeError);
  assert.throws(
    () =>
      technicalScore(input, {
        weights: {
          scan: 0,
          strength: 0,
          maAlignment: 0,
          macd: 0,
          rsi: 0,
          rateOfChange: 0,
          volatility: 0,
        },
      }),
    /weights must not all be 0/,
  );
  assert.throws(() => technicalScore(input, { rsiWidth: 0 }), /rsiWidth must be a number/);
});
