/**
 * The technical score: one number in [0, 1] from the scanner's finding for an
 * asset and a few indicator readings. High means "in an up-move worth owning".
 *
 * ## Formula
 *
 * The score is the weighted mean of the components below, each in [0, 1].
 * `d` is the direction of the condition: +1 for trending up and breakout, -1 for
 * trending down and breakdown, 0 for ranging. `clamp(x)` = min(1, max(0, x)).
 * A component whose reading is absent or not finite (warm-up) is left out and
 * the other weights are rescaled; with no component left the score is `null`.
 *
 * | component | value | default weight |
 * | --------- | ----- | -------------- |
 * | `scan` | 0.5 + 0.5 d confidence | 0.40 |
 * | `strength` | 0.5 + 0.5 d strength | 0.10 |
 * | `maAlignment` | (alignment + 1) / 2 (20/50/200 stacked up: 1, down: 0) | 0.15 |
 * | `macd` | 1 if histogram > 0, 0 if < 0, 0.5 if 0 | 0.10 |
 * | `rsi` | clamp(1 - abs(RSI - rsiPeak) / rsiWidth): 65 -> 1, 50 -> 0.7, 90 -> 0.5, 30 -> 0.3 | 0.10 |
 * | `rateOfChange` | 0.5 + 0.5 tanh(change / rateOfChangeScale): +10% -> 0.881, 0 -> 0.5 | 0.10 |
 * | `volatility` | 1 / (1 + volatility / volatilityScale): 0 -> 1, 40% a year -> 0.5 | 0.05 |
 *
 * So trending up with confidence 0.9 scores high (0.95 on the scan component),
 * breakdown with confidence 0.9 low (0.05), ranging middling (0.5). RSI rewards
 * momentum short of overbought; volatility is a mild penalty. The scanner's
 * confidence already weighs MA alignment, MACD and RSI evidence for its
 * condition; the separate components here add their direction-free reading.
 * Rate of change and volatility default to the scan's `priceChange` and
 * `volatility` when the readings do not give them.
 *
 * @module
 */
import { _checkNumber, _clamp01 } from "./_checks.ts";

/** The scanner's conditions (the seed's `scanner_historical.market`). */
export type ScanCondition = "trending" | "ranging" | "breakout" | "breakdown";

/**
 * What scoring needs from the scanner for one asset and day. The scanner's
 * `ScanResult` fits it as is.
 */
export type ScanSnapshot = {
  readonly condition: ScanCondition;
  readonly trendDirection: "up" | "down";
  /** 0-1: how well the evidence supports the condition. */
  readonly confidence: number;
  /** 0-1: how strong the move is. */
  readonly strength: number;
  /** Price change over the scan's lookback, a fraction. */
  readonly priceChange?: number;
  /** Annualised realised volatility, a fraction. */
  readonly volatility?: number;
};

/** Indicator readings of one asset on the scoring day; any may be absent or NaN. */
export type IndicatorReadings = {
  /** RSI, 0-100. */
  readonly rsi?: number;
  /** Moving-average alignment in [-1, 1] (20/50/200 stacked up: +1). */
  readonly maAlignment?: number;
  /** MACD histogram; only its sign counts. */
  readonly macdHistogram?: number;
  /** Price change over a lookback, a fraction (overrides the scan's `priceChange`). */
  readonly rateOfChange?: number;
  /** Annualised volatility, a fraction (overrides the scan's `volatility`). */
  readonly volatility?: number;
};

/** The inputs of {@link technicalScore} for one asset. */
export type TechnicalInputs = {
  readonly scan: ScanSnapshot;
  readonly indicators?: IndicatorReadings;
};

/** The components of the technical score (see the module doc). */
export const TECHNICAL_COMPONENTS = [
  "scan",
  "strength",
  "maAlignment",
  "macd",
  "rsi",
  "rateOfChange",
  "volatility",
] as const;
/** One of {@link TECHNICAL_COMPONENTS}. */
export type TechnicalComponent = typeof TECHNICAL_COMPONENTS[number];

/** A value per component. */
export type TechnicalParts = Readonly<Record<TechnicalComponent, number>>;

/** Options of {@link technicalScore}. */
export type TechnicalScoreOptions = {
  /** Weights of the components (>= 0, not all 0); missing ones take the defaults. */
  readonly weights?: Partial<TechnicalParts>;
  /** RSI scoring 1. Default 65. */
  readonly rsiPeak?: number;
  /** RSI distance from the peak at which the RSI component reaches 0. Default 50. */
  readonly rsiWidth?: number;
  /** Price change giving tanh(1): 0.881. Default 0.10. */
  readonly rateOfChangeScale?: number;
  /** Volatility scoring 0.5. Default 0.40. */
  readonly volatilityScale?: number;
};

/** Default weights of the technical components (they sum to 1). */
export const TECHNICAL_WEIGHTS: TechnicalParts = Object.freeze({
  scan: 0.40,
  strength: 0.10,
  maAlignment: 0.15,
  macd: 0.10,
  rsi: 0.10,
  rateOfChange: 0.10,
  volatility: 0.05,
});

const WHAT = "compute the technical score";

/**
 * Each component of the module doc's table in [0, 1], NaN where its reading is
 * absent or not finite.
 */
export function technicalParts(
  inputs: TechnicalInputs,
  options: TechnicalScoreOptions = {},
): TechnicalParts {
  const { scan } = inputs;
  const ind = inputs.indicators ?? {};
  const rsiPeak = _checkNumber(WHAT, "rsiPeak", options.rsiPeak ?? 65, 0, 100);
  const rsiWidth = _checkNumber(WHAT, "rsiWidth", options.rsiWidth ?? 50, 1e-9, 100);
  const rocScale = _checkNumber(
    WHAT,
    "rateOfChangeScale",
    options.rateOfChangeScale ?? 0.1,
    1e-9,
    1e9,
  );
  const volScale = _checkNumber(WHAT, "volatilityScale", options.volatilityScale ?? 0.4, 1e-9, 1e9);
  const d = _direction(scan);
  const hist = ind.macdHistogram ?? NaN;
  const rsi = ind.rsi ?? NaN;
  const vol = ind.volatility ?? scan.volatility ?? NaN;
  return {
    scan: 0.5 + 0.5 * d * _clamp01(scan.confidence),
    strength: 0.5 + 0.5 * d * _clamp01(scan.strength),
    maAlignment: (Math.max(-1, Math.min(1, ind.maAlignment ?? NaN)) + 1) / 2,
    macd: Number.isNaN(hist) ? NaN : hist > 0 ? 1 : hist < 0 ? 0 : 0.5,
    rsi: Number.isNaN(rsi) ? NaN : _clamp01(1 - Math.abs(rsi - rsiPeak) / rsiWidth),
    rateOfChange: 0.5 + 0.5 * Math.tanh((ind.rateOfChange ?? scan.priceChange ?? NaN) / rocScale),
    volatility: vol < 0 ? NaN : 1 / (1 + vol / volScale),
  };
}

/**
 * The technical score in [0, 1] of one asset (formula in the module doc), or
 * `null` when no component has a finite reading.
 *
 * @example Trending up scores high, breakdown low, ranging middling
 * ```ts
 * import assert from "node:assert/strict";
 * import { technicalScore } from "./technical_score.ts";
 *
 * const up = technicalScore({
 *   scan: { condition: "trending", trendDirection: "up", confidence: 0.9, strength: 0.8 },
 *   indicators: { maAlignment: 1, macdHistogram: 0.4, rsi: 65 },
 * });
 * // (0.4 * 0.95 + 0.1 * 0.9 + 0.15 * 1 + 0.1 * 1 + 0.1 * 1) / 0.85
 * assert.ok(Math.abs((up ?? NaN) - 0.82 / 0.85) < 1e-12);
 * const down = technicalScore({
 *   scan: { condition: "breakdown", trendDirection: "down", confidence: 0.9, strength: 0.8 },
 * });
 * assert.ok(Math.abs((down ?? NaN) - (0.4 * 0.05 + 0.1 * 0.1) / 0.5) < 1e-12);
 * const flat = technicalScore({
 *   scan: { condition: "ranging", trendDirection: "up", confidence: 0.8, strength: 0.3 },
 * });
 * assert.equal(flat, 0.5);
 * ```
 */
export function technicalScore(
  inputs: TechnicalInputs,
  options: TechnicalScoreOptions = {},
): number | null {
  const weights = _weights(options.weights);
  const parts = technicalParts(inputs, options);
  let sum = 0;
  let weightSum = 0;
  for (const name of TECHNICAL_COMPONENTS) {
    const value = parts[name];
    const weight = weights[name];
    if (Number.isNaN(value) || weight === 0) continue;
    sum += weight * value;
    weightSum += weight;
  }
  return weightSum === 0 ? null : _clamp01(sum / weightSum);
}

function _direction(scan: ScanSnapshot): number {
  switch (scan.condition) {
    case "breakout":
      return 1;
    case "breakdown":
      return -1;
    case "ranging":
      return 0;
    case "trending":
      return scan.trendDirection === "up" ? 1 : -1;
  }
}

function _weights(partial: Partial<TechnicalParts> | undefined): TechnicalParts {
  if (partial === undefined) return TECHNICAL_WEIGHTS;
  const out = { ...TECHNICAL_WEIGHTS, ...partial };
  let total = 0;
  for (const name of TECHNICAL_COMPONENTS) {
    total += _checkNumber(WHAT, `weights.${name}`, out[name], 0, Number.MAX_VALUE);
  }
  if (total === 0) {
    throw new RangeError(`Cannot ${WHAT} as weights must not all be 0: current value is 0`);
  }
  return out;
}
