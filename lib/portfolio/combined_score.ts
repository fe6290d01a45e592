/**
 * The combined score: the seed's `technical * 0.6 + fundamental * 0.4`, with
 * configurable weights; an asset without a fundamental score (an ETF) is scored
 * on its technical part alone.
 *
 * @see docs/design.md#scoring
 * @module
 */
import { _checkNumber } from "./_checks.ts";

/** Weights of the two parts (>= 0, not both 0); divided by their sum, so 3/2 is 0.6/0.4. */
export type ScoreWeights = {
  readonly technical: number;
  readonly fundamental: number;
};

/** The seed's weights: 0.6 technical, 0.4 fundamental. */
export const SCORE_WEIGHTS: ScoreWeights = Object.freeze({ technical: 0.6, fundamental: 0.4 });

/** A combined score with its parts, as the audit log records it. */
export type CombinedScore = {
  /** In [0, 1]. */
  readonly score: number;
  readonly technical: number;
  /** Null when the asset has no fundamentals. */
  readonly fundamental: number | null;
  /** Which parts made the score. */
  readonly basis: "technical_and_fundamental" | "technical_only";
};

const WHAT = "combine the scores";

/**
 * Combines a technical score and a fundamental score (both in [0, 1]):
 * `(wt * technical + wf * fundamental) / (wt + wf)`, or `technical` alone when
 * `fundamental` is null (or its weight is 0).
 * Throws a RangeError when a score is outside [0, 1] (a bug upstream).
 *
 * @example The seed's 0.6 / 0.4, and an ETF on its technical score alone
 * ```ts
 * import assert from "node:assert/strict";
 * import { combinedScore } from "./combined_score.ts";
 *
 * // 0.9 * 0.6 + 0.5 * 0.4 = 0.54 + 0.2 = 0.74
 * assert.ok(Math.abs(combinedScore(0.9, 0.5).score - 0.74) < 1e-12);
 * assert.deepEqual(combinedScore(0.8, null), {
 *   score: 0.8, technical: 0.8, fundamental: null, basis: "technical_only",
 * });
 * // 0.5 / 0.5: (0.9 + 0.5) / 2
 * assert.ok(Math.abs(combinedScore(0.9, 0.5, { technical: 1, fundamental: 1 }).score - 0.7) < 1e-12);
 * ```
 */
export function combinedScore(
  technical: number,
  fundamental: number | null,
  weights: ScoreWeights = SCORE_WEIGHTS,
): CombinedScore {
  _checkNumber(WHAT, "technical", technical, 0, 1);
  const wt = _checkNumber(WHAT, "weights.technical", weights.technical, 0, Number.MAX_VALUE);
  const wf = _checkNumber(WHAT, "weights.fundamental", weights.fundamental, 0, Number.MAX_VALUE);
  if (wt + wf === 0) {
    throw new RangeError(`Cannot ${WHAT} as weights must not both be 0: current value is 0`);
  }
  if (fundamental === null || wf === 0) {
    return { score: technical, technical, fundamental, basis: "technical_only" };
  }
  _checkNumber(WHAT, "fundamental", fundamental, 0, 1);
  if (wt === 0) {
    return { score: fundamental, technical, fundamental, basis: "technical_and_fundamental" };
  }
  const score = Math.min(1, Math.max(0, (wt * technical + wf * fundamental) / (wt + wf)));
  return { score, technical, fundamental, basis: "technical_and_fundamental" };
}
