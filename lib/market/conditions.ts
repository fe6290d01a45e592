/**
 * Market conditions: the scanner's rules that turn one bar's indicator readings
 * into a condition (trending, ranging, breakout, breakdown), a direction, a
 * confidence and a strength. Pure and O(1): no history, just the readings.
 *
 * ## Rules, in order (first match wins)
 *
 * | # | condition | when | direction |
 * | - | --------- | ---- | --------- |
 * | 1 | breakout  | close above the upper Bollinger band (%b > 1) and volume ratio >= `volumeConfirm` (1.5) | up |
 * | 2 | breakdown | close below the lower band (%b < 0) and volume ratio >= `volumeConfirm` | down |
 * | 3 | trending  | ADX > `adxTrending` (25) | +DI vs -DI |
 * | 4 | ranging   | ADX < `adxRanging` (20) | +DI vs -DI |
 * | 5 | trending or ranging | ADX in [20, 25] (no confirmed band break): whichever has the higher confidence below (ties: ranging) | +DI vs -DI |
 *
 * A band break without volume confirmation (or without volume data, as for an
 * index) is not a breakout: it falls through to rules 3-5. Direction "+DI vs -DI"
 * is up when +DI > -DI, down when -DI > +DI, and on a tie the sign of the MACD
 * histogram (up when >= 0).
 *
 * ## Confidence: the weighted mean of the evidence for the condition found
 *
 * Each component is in [0, 1]; `d` is +1 for up and -1 for down;
 * `clamp(x)` = min(1, max(0, x)). A component whose reading is NaN (not enough
 * history, e.g. the 200-bar average on monthly bars) is left out and the other
 * weights are rescaled.
 *
 * | condition | component | value | weight |
 * | --------- | --------- | ----- | ------ |
 * | trending  | trend strength | clamp((ADX - adxRanging) / (adxStrong - adxRanging)): 20 -> 0, 25 -> 0.25, 40 -> 1 | 0.40 |
 * |           | MA alignment | clamp(d * alignment) (20/50/200 stacked in the direction: 1) | 0.25 |
 * |           | MACD | 0.5 if d * MACD line > 0, plus 0.5 if d * histogram > 0 | 0.20 |
 * |           | RSI | clamp(d * (RSI - 50) / 20) | 0.15 |
 * | ranging   | no trend | clamp((adxTrending - ADX) / (adxTrending - 10)): 25 -> 0, 20 -> 1/3, 10 -> 1 | 0.40 |
 * |           | MAs tangled | 1 - abs(alignment) | 0.20 |
 * |           | inside the bands | 1 - abs(2 %b - 1) inside [0, 1], 0 outside | 0.20 |
 * |           | RSI neutral | 1 - clamp(abs(RSI - 50) / 20) | 0.20 |
 * | breakout / breakdown | distance beyond the band | clamp(distance in ATRs / 1): one ATR beyond -> 1 | 0.25 |
 * |           | volume | clamp((volume ratio - 1) / 2): 1.5x -> 0.25, 3x -> 1 | 0.25 |
 * |           | squeeze | 1 if the bandwidth was at its low (within `squeezeTolerance`) of the last `squeezeLookback` bars on the previous bar, else 0 | 0.20 |
 * |           | momentum | 1 if d * MACD histogram > 0, else 0 | 0.15 |
 * |           | RSI | clamp(d * (RSI - 50) / 20) | 0.15 |
 *
 * ## Strength: how strong the move is, 0-1
 *
 * Trending and ranging: clamp(ADX / 50), the trend strength whatever the label
 * (a ranging market has a low one). Breakout and breakdown: the mean of the
 * distance and volume components above.
 *
 * @module
 */

/** The four conditions the scanner reports (the seed's `scanner_historical.condition`). */
export const MARKET_CONDITIONS = ["trending", "ranging", "breakout", "breakdown"] as const;
/** One of {@link MARKET_CONDITIONS}. */
export type MarketCondition = typeof MARKET_CONDITIONS[number];

/** Direction of the move. */
export type TrendDirection = "up" | "down";

/** Thresholds of the rules; see the module doc. */
export type ConditionThresholds = {
  /** ADX above which a market trends. */
  readonly adxTrending: number;
  /** ADX below which a market ranges. */
  readonly adxRanging: number;
  /** ADX at which the trend-strength evidence is full. */
  readonly adxStrong: number;
  /** Volume ratio that confirms a band break. */
  readonly volumeConfirm: number;
};

/** Defaults of {@link ConditionThresholds}: the seed's ADX 25 / 20 rule. */
export const CONDITION_THRESHOLDS: ConditionThresholds = Object.freeze({
  adxTrending: 25,
  adxRanging: 20,
  adxStrong: 40,
  volumeConfirm: 1.5,
});

/** One bar's indicator readings (NaN where unknown). */
export type BarSignals = {
  readonly adx: number;
  readonly plusDi: number;
  readonly minusDi: number;
  /** MA alignment in [-1, 1]. */
  readonly alignment: number;
  readonly macdLine: number;
  readonly macdHistogram: number;
  /** Bollinger %b. */
  readonly percentB: number;
  /** Distance of the close beyond the band it broke, in ATRs (0 inside the bands). */
  readonly bandDistance: number;
  /** 1 when the bands were in a squeeze on the previous bar, 0 when not. */
  readonly squeeze: number;
  readonly rsi: number;
  readonly volumeRatio: number;
};

/** What {@link classifyBar} finds. */
export type BarClassification = {
  readonly condition: MarketCondition;
  readonly trendDirection: TrendDirection;
  /** 0-1, see the module doc. */
  readonly confidence: number;
  /** 0-1, see the module doc. */
  readonly strength: number;
};

/**
 * Classifies one bar by the rules of the module doc, or returns undefined when
 * ADX, +DI, -DI or %b is unknown (warm-up, missing bar).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyBar } from "./conditions.ts";
 *
 * const quiet = {
 *   adx: 12, plusDi: 18, minusDi: 20, alignment: 0, macdLine: -0.1, macdHistogram: 0.05,
 *   percentB: 0.5, bandDistance: 0, squeeze: 0, rsi: 50, volumeRatio: 1,
 * };
 * const found = classifyBar(quiet);
 * assert.equal(found?.condition, "ranging");
 * assert.equal(found?.trendDirection, "down");
 * // No trend 13/15, MAs tangled 1, in the middle of the bands 1, RSI neutral 1.
 * assert.ok(Math.abs((found?.confidence ?? 0) - (0.4 * 13 / 15 + 0.6)) < 1e-12);
 * assert.equal(found?.strength, 12 / 50);
 * ```
 */
export function classifyBar(
  s: BarSignals,
  thresholds: ConditionThresholds = CONDITION_THRESHOLDS,
): BarClassification | undefined {
  if (s.adx !== s.adx || s.plusDi !== s.plusDi || s.minusDi !== s.minusDi) return undefined;
  if (s.percentB !== s.percentB) return undefined;
  const confirmed = s.volumeRatio >= thresholds.volumeConfirm;
  if (confirmed && (s.percentB > 1 || s.percentB < 0)) {
    const d = s.percentB > 1 ? 1 : -1;
    return {
      condition: d > 0 ? "breakout" : "breakdown",
      trendDirection: d > 0 ? "up" : "down",
      confidence: _breakEvidence(s, d),
      strength: _mean2(_clamp(s.bandDistance), _clamp((s.volumeRatio - 1) / 2)),
    };
  }
  const d = s.plusDi > s.minusDi ? 1 : s.plusDi < s.minusDi ? -1 : s.macdHistogram < 0 ? -1 : 1;
  const trend = s.adx < thresholds.adxRanging ? -1 : _trendEvidence(s, d, thresholds);
  const range = s.adx > thresholds.adxTrending ? -1 : _rangeEvidence(s, thresholds);
  const trending = trend > range;
  return {
    condition: trending ? "trending" : "ranging",
    trendDirection: d > 0 ? "up" : "down",
    confidence: trending ? trend : range,
    strength: _clamp(s.adx / 50),
  };
}

function _trendEvidence(s: BarSignals, d: number, t: ConditionThresholds): number {
  const e = new _Evidence();
  e.add(0.4, _clamp((s.adx - t.adxRanging) / (t.adxStrong - t.adxRanging)));
  e.add(0.25, _clamp(d * s.alignment));
  e.add(0.2, _half(d * s.macdLine) + _half(d * s.macdHistogram));
  e.add(0.15, _clamp((d * (s.rsi - 50)) / 20));
  return e.mean();
}

function _rangeEvidence(s: BarSignals, t: ConditionThresholds): number {
  const e = new _Evidence();
  e.add(0.4, _clamp((t.adxTrending - s.adx) / (t.adxTrending - 10)));
  e.add(0.2, 1 - Math.abs(s.alignment));
  e.add(0.2, s.percentB >= 0 && s.percentB <= 1 ? 1 - Math.abs(2 * s.percentB - 1) : 0);
  e.add(0.2, 1 - _clamp(Math.abs(s.rsi - 50) / 20));
  return e.mean();
}

function _breakEvidence(s: BarSignals, d: number): number {
  const e = new _Evidence();
  e.add(0.25, _clamp(s.bandDistance));
  e.add(0.25, _clamp((s.volumeRatio - 1) / 2));
  e.add(0.2, s.squeeze);
  e.add(0.15, s.macdHistogram !== s.macdHistogram ? NaN : d * s.macdHistogram > 0 ? 1 : 0);
  e.add(0.15, _clamp((d * (s.rsi - 50)) / 20));
  return e.mean();
}

/** A weighted mean that leaves NaN components out. */
class _Evidence {
  #sum = 0;
  #weight = 0;
  add(weight: number, value: number): void {
    if (value !== value) return;
    this.#sum += weight * value;
    this.#weight += weight;
  }
  mean(): number {
    return this.#weight > 0 ? this.#sum / this.#weight : 0;
  }
}

/** min(1, max(0, x)), NaN kept. */
function _clamp(x: number): number {
  return x > 1 ? 1 : x < 0 ? 0 : x;
}

/** 0.5 when x > 0, 0 when not, NaN when unknown. */
function _half(x: number): number {
  return x !== x ? NaN : x > 0 ? 0.5 : 0;
}

function _mean2(a: number, b: number): number {
  if (a !== a) return b !== b ? 0 : b;
  return b !== b ? a : (a + b) / 2;
}
