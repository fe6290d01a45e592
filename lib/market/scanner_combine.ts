/**
 * Combining the per-timeframe results of one asset into one.
 *
 * | field | combined value |
 * | ----- | -------------- |
 * | condition | weighted vote: each timeframe votes for its condition with weight x confidence; the largest total wins (a tie goes to the condition of the heaviest timeframe among the tied, finer first on equal weight) |
 * | confidence | the winner's total / the sum of the weights of the timeframes classified (1 only when every timeframe agrees with full confidence) |
 * | strength | mean of the strengths of the timeframes that voted for the winner, weighted by weight x confidence (by weight when those are all 0) |
 * | trendDirection | up for a breakout, down for a breakdown; otherwise the sign of the sum of weight x confidence x (+1 up, -1 down) over all timeframes, and on 0 the direction of the heaviest |
 * | volumeRatio, priceChange, volatility | those of the heaviest timeframe classified (1d with the default weights) |
 *
 * Timeframes that cannot be classified on the day (too little history, no bar)
 * are left out and the others' weights carry the result.
 *
 * @module
 */
import type { MarketCondition } from "./conditions.ts";
import type { ScanResult } from "./scanner_result.ts";

/** A classified timeframe and its weight. */
export type WeightedPart = { readonly result: ScanResult; readonly weight: number };

/** The combined fields; `parts` must be non-empty and ordered heaviest first. */
export type Combined = Pick<
  ScanResult,
  | "condition"
  | "trendDirection"
  | "confidence"
  | "strength"
  | "volumeRatio"
  | "priceChange"
  | "volatility"
>;

/**
 * Combines per-timeframe results by the rules of the module doc.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { combineTimeframes } from "./scanner_combine.ts";
 *
 * const row = {
 *   ticker: "X", market: "default", date: "2024-01-05", volumeRatio: 1, priceChange: 0,
 *   volatility: 0.2, parts: [], trendDirection: "up", strength: 0.5,
 * } as const;
 * const combined = combineTimeframes([
 *   { weight: 0.5, result: { ...row, timeframe: "1d", condition: "trending", confidence: 0.8 } },
 *   { weight: 0.3, result: { ...row, timeframe: "1w", condition: "ranging", confidence: 1 } },
 * ]);
 * // Votes: trending 0.4, ranging 0.3; confidence 0.4 / 0.8.
 * assert.equal(combined.condition, "trending");
 * assert.equal(combined.confidence, 0.5);
 * ```
 */
export function combineTimeframes(parts: readonly WeightedPart[]): Combined {
  const head = parts[0];
  if (head === undefined) throw new RangeError("Cannot combine timeframes as there are none");
  // Votes by condition in a 4-slot array (this runs for every asset on every rebalance).
  const votes = [0, 0, 0, 0];
  let totalWeight = 0, direction = 0;
  for (const { result, weight } of parts) {
    const vote = weight * result.confidence;
    const k = _slot(result.condition);
    votes[k] = (votes[k] as number) + vote;
    totalWeight += weight;
    direction += result.trendDirection === "up" ? vote : -vote;
  }
  let winner = head.result.condition, best = -1;
  for (const { result } of parts) {
    const score = votes[_slot(result.condition)] as number;
    if (score > best) winner = result.condition, best = score;
  }
  let strengthSum = 0, strengthWeight = 0, plainSum = 0, plainWeight = 0;
  for (const { result, weight } of parts) {
    if (result.condition !== winner) continue;
    strengthSum += weight * result.confidence * result.strength;
    strengthWeight += weight * result.confidence;
    plainSum += weight * result.strength;
    plainWeight += weight;
  }
  const trendDirection = winner === "breakout"
    ? "up"
    : winner === "breakdown"
    ? "down"
    : direction > 0
    ? "up"
    : direction < 0
    ? "down"
    : head.result.trendDirection;
  return {
    condition: winner,
    trendDirection,
    confidence: best / totalWeight,
    strength: strengthWeight > 0 ? strengthSum / strengthWeight : plainSum / plainWeight,
    volumeRatio: head.result.volumeRatio,
    priceChange: head.result.priceChange,
    volatility: head.result.volatility,
  };
}

function _slot(condition: MarketCondition): number {
  return condition === "trending"
    ? 0
    : condition === "ranging"
    ? 1
    : condition === "breakout"
    ? 2
    : 3;
}
