/**
 * The shapes of a sizing proposal: what goes in (candidates with scores and
 * buckets) and what comes out (target weights with everything the audit log
 * needs to explain each one).
 *
 * @module
 */

import type { FallbackAllocation, FallbackOptions } from "./fallback.ts";

/** An asset that may be sized: its combined score and the buckets it sits in. */
export type SizingCandidate = {
  readonly ticker: string;
  /** Combined score in [0, 1]. */
  readonly score: number;
  /** Buckets it counts in (an asset in several counts in each). */
  readonly buckets: readonly string[];
  /**
   * Annualised volatility, a fraction (the scan's); with `maxPositionRisk` it
   * lowers the position's cap. Absent or not finite: the cap is `maxSingle`.
   */
  readonly volatility?: number;
};

/** What `proposeWeights` reads. */
export type SizingInput = {
  readonly candidates: readonly SizingCandidate[];
  /** Core assets (from the protection state): they may exceed bucket limits where allowed. */
  readonly coreAssets?: readonly string[];
  /** The fallback bucket's members with their scores; absent = what is left stays in cash (the seed's rule). */
  readonly fallback?: {
    readonly candidates: readonly SizingCandidate[];
    readonly options?: FallbackOptions;
    /** Members held now: they keep their place while they qualify. */
    readonly held?: readonly string[];
  };
};

/** Ticker to weight (a fraction of portfolio value), in the proposal's asset order. */
export type WeightMap = Readonly<Record<string, number>>;

/** A selected asset and why (the seed's "High score asset: 0.857 >= 0.65 threshold"). */
export type Selection = {
  readonly ticker: string;
  readonly score: number;
  readonly reason: string;
};

/** A candidate left out and why. */
export type Dropped = {
  readonly ticker: string;
  readonly reason: string;
};

/** The limits an exception lets an asset exceed. */
export type ExceptionRule = "max_single" | "bucket_positions" | "bucket_weight";

/** A limit exceeded by an allowed (core or high-alpha) asset, and why that is allowed. */
export type SizingException = {
  readonly ticker: string;
  readonly rule: ExceptionRule;
  readonly reason: string;
};

/** A bucket whose weight was scaled down to its limit. */
export type BucketScaling = {
  readonly bucket: string;
  /** Weight of its members subject to the limit before scaling. */
  readonly weightBefore: number;
  /** What their weights were multiplied by (< 1). */
  readonly factor: number;
};

/** The weights after each step, so that any final weight can be traced. */
export type ProposalStages = {
  /** Score-proportional or equal weights summing to 1. */
  readonly raw: WeightMap;
  /** Stage 1: raw weights capped at maxSingle. */
  readonly stage1: WeightMap;
  /** Stage 2: normalised to the target by water-filling (capped weights stay capped). */
  readonly stage2: WeightMap;
  /** Bucket weight limits applied. */
  readonly afterBuckets: WeightMap;
  /** Residual allocated (and the fallback's weight added): equal to the proposal's weights. */
  readonly final: WeightMap;
};

/** The output of `proposeWeights`. */
export type Proposal = {
  /** Target weights of the selected assets (score descending, then ticker); sum <= target. */
  readonly weights: WeightMap;
  readonly selected: readonly Selection[];
  readonly dropped: readonly Dropped[];
  readonly exceptions: readonly SizingException[];
  readonly bucketsScaled: readonly BucketScaling[];
  /** Weight the residual step moved to assets. */
  readonly residualAllocated: number;
  /** What the fallback bucket took (absent without fallback candidates). */
  readonly fallback?: FallbackAllocation;
  /** Weight left unallocated: target - sum of weights (kept in cash). */
  readonly residual: number;
  readonly stages: ProposalStages;
};
