/**
 * Options of the two-stage sizing (`proposeWeights`), their defaults
 * (the seed's numbers) and their checks.
 *
 * @see docs/design.md#position-sizing
 * @module
 */
import { _checkChoice, _checkCount, _checkNumber } from "./_checks.ts";

/** How unallocated weight left by caps and bucket limits is handled (see `residual.ts`). */
export const RESIDUAL_STRATEGIES = ["safe_top_slice", "proportional", "cash"] as const;
/** One of {@link RESIDUAL_STRATEGIES}. */
export type ResidualStrategy = typeof RESIDUAL_STRATEGIES[number];

/** How raw weights are made from the selected assets. */
export type Weighting = "score" | "equal";

/** Options of `proposeWeights`; every field has a default. */
export type SizingOptions = {
  /** Minimum combined score to be selected (the seed's "0.857 > 0.65 threshold"). Default 0.65. */
  readonly minScore?: number;
  /** Raw weights proportional to score, or equal. Default "score". */
  readonly weighting?: Weighting;
  /** Stage 1 cap of one position. Default 0.15. */
  readonly maxSingle?: number;
  /**
   * The most annualised volatility one position may bring to the portfolio: a
   * candidate's cap falls to `maxPositionRisk / volatility` where that is below
   * its cap. 0 turns it off. Default 0 (the seed's caps).
   */
  readonly maxPositionRisk?: number;
  /** Stage 2 target exposure (the sum of weights). Default 0.95. */
  readonly target?: number;
  /** Positions a bucket may hold (integer >= 1 or Infinity). Default 4. */
  readonly maxBucketPositions?: number;
  /** Weight a bucket may hold. Default 0.40. */
  readonly maxBucketWeight?: number;
  /** Whether core and high-alpha assets may exceed bucket limits. Default true (the seed's "smart diversification"). */
  readonly allowBucketOverride?: boolean;
  /** A score strictly above this makes an asset high-alpha. Default 0.95 (the seed's core threshold). */
  readonly highAlphaScore?: number;
  /** Cap of a core or high-alpha asset, >= maxSingle (the seed allows 15-20%). Default maxSingle (no exception). */
  readonly exceptionMaxSingle?: number;
  /** What to do with unallocated weight. Default "safe_top_slice" (the seed's). */
  readonly residual?: ResidualStrategy;
  /** Unallocated weight at or below this stays in cash (the seed's `unallocated_cash > 0.01`). Default 0.01. */
  readonly residualThreshold?: number;
};

/** {@link SizingOptions} with every default filled in. */
export type ResolvedSizingOptions = {
  readonly [K in keyof SizingOptions]-?: Exclude<SizingOptions[K], undefined>;
};

/** The defaults of {@link SizingOptions} (exceptionMaxSingle follows maxSingle). */
export const SIZING_DEFAULTS: Omit<ResolvedSizingOptions, "exceptionMaxSingle"> = Object.freeze({
  minScore: 0.65,
  weighting: "score",
  maxSingle: 0.15,
  maxPositionRisk: 0,
  target: 0.95,
  maxBucketPositions: 4,
  maxBucketWeight: 0.40,
  allowBucketOverride: true,
  highAlphaScore: 0.95,
  residual: "safe_top_slice",
  residualThreshold: 0.01,
});

const WHAT = "size the portfolio";

/** Fills in the defaults and checks every option; throws a RangeError naming the first bad one. */
export function resolveSizingOptions(options: SizingOptions = {}): ResolvedSizingOptions {
  const o = { ...SIZING_DEFAULTS, ...options };
  const maxSingle = _checkNumber(WHAT, "maxSingle", o.maxSingle, Number.MIN_VALUE, 1);
  const exceptionMaxSingle = options.exceptionMaxSingle ?? maxSingle;
  _checkNumber(WHAT, "exceptionMaxSingle", exceptionMaxSingle, maxSingle, 1);
  if (typeof o.allowBucketOverride !== "boolean") {
    throw new TypeError(
      `Cannot ${WHAT} as allowBucketOverride must be a boolean: current value is ${o.allowBucketOverride}`,
    );
  }
  return Object.freeze({
    minScore: _checkNumber(WHAT, "minScore", o.minScore, 0, 1),
    weighting: _checkChoice(WHAT, "weighting", o.weighting, ["score", "equal"]),
    maxSingle,
    maxPositionRisk: _checkNumber(WHAT, "maxPositionRisk", o.maxPositionRisk, 0, 1),
    target: _checkNumber(WHAT, "target", o.target, 0, 1),
    maxBucketPositions: _checkCount(WHAT, "maxBucketPositions", o.maxBucketPositions, 1),
    maxBucketWeight: _checkNumber(WHAT, "maxBucketWeight", o.maxBucketWeight, 0, 1),
    allowBucketOverride: o.allowBucketOverride,
    highAlphaScore: _checkNumber(WHAT, "highAlphaScore", o.highAlphaScore, 0, 1),
    exceptionMaxSingle,
    residual: _checkChoice(WHAT, "residual", o.residual, RESIDUAL_STRATEGIES),
    residualThreshold: _checkNumber(WHAT, "residualThreshold", o.residualThreshold, 0, 1),
  });
}
