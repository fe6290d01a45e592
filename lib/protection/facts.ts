/**
 * Facts the protection state learns from, named in the past tense: positions
 * opened, adjusted and closed, scores and relative performance observed, the
 * regime changed. The rebalancer records the facts of day `t` as they become
 * known: scores and regime before it asks for verdicts, fills after.
 *
 * @module
 */

/** How severe a regime transition is; `critical` (by default) carries override authority. */
export type RegimeSeverity = "normal" | "high" | "critical";

/** A position was opened at `size` (a portfolio weight, or any unit the caller keeps). */
export type PositionOpenedFact = {
  readonly kind: "positionOpened";
  readonly asset: string;
  readonly t: number;
  readonly size: number;
  /** Epoch ms of the fill, for the rules measured in hours. */
  readonly timeMs?: number;
};

/** An open position was resized. */
export type PositionAdjustedFact = {
  readonly kind: "positionAdjusted";
  readonly asset: string;
  readonly t: number;
  readonly size: number;
};

/** An open position was closed; this completes one open-close cycle. */
export type PositionClosedFact = {
  readonly kind: "positionClosed";
  readonly asset: string;
  readonly t: number;
  readonly timeMs?: number;
};

/** The asset's combined score (0..1) on day `t`. */
export type ScoreObservedFact = {
  readonly kind: "scoreObserved";
  readonly asset: string;
  readonly t: number;
  readonly score: number;
};

/**
 * The asset's return and its bucket's return over the caller's review period,
 * both as fractions (0.05 = +5%); core status is revoked on underperformance.
 */
export type PerformanceObservedFact = {
  readonly kind: "performanceObserved";
  readonly asset: string;
  readonly t: number;
  readonly assetReturn: number;
  readonly bucketReturn: number;
};

/** The market regime changed on day `t`. */
export type RegimeChangedFact = {
  readonly kind: "regimeChanged";
  readonly t: number;
  readonly from: string;
  readonly to: string;
  readonly severity: RegimeSeverity;
};

/** Every fact the protection state records. */
export type ProtectionFact =
  | PositionOpenedFact
  | PositionAdjustedFact
  | PositionClosedFact
  | ScoreObservedFact
  | PerformanceObservedFact
  | RegimeChangedFact;
