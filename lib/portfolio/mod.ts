/**
 * Portfolio construction: scoring (technical, fundamental point in time,
 * combined 0.6 / 0.4), the universe (held assets plus trending assets of the
 * active buckets) and the two-stage sizing (stage 1 caps, stage 2 normalise to
 * the target, bucket limits with core / high-alpha overrides, residual
 * allocation) whose proposal carries everything the audit log needs to explain
 * each weight. Pure: no I/O, no clock.
 *
 * @example Score, build the universe and size it
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildUniverse, combinedScore, proposeWeights, technicalScore } from "./mod.ts";
 *
 * const scans = [
 *   { ticker: "QQQ", condition: "trending", trendDirection: "up", confidence: 0.9, strength: 0.7 },
 *   { ticker: "XLK", condition: "trending", trendDirection: "up", confidence: 0.8, strength: 0.6 },
 *   { ticker: "VUG", condition: "ranging", trendDirection: "up", confidence: 0.9, strength: 0.2 },
 * ] as const;
 * const buckets = { "Growth Assets": ["QQQ", "XLK", "VUG"] };
 * const universe = buildUniverse({ held: [], activeBuckets: ["Growth Assets"], buckets, scans });
 * assert.deepEqual(universe.tickers, ["QQQ", "XLK"]);
 *
 * const candidates = universe.members.map((m) => {
 *   const scan = scans.find((s) => s.ticker === m.ticker);
 *   const technical = scan === undefined ? 0 : technicalScore({ scan }) ?? 0;
 *   return { ticker: m.ticker, score: combinedScore(technical, null).score, buckets: m.buckets };
 * });
 * const proposal = proposeWeights({ candidates });
 * // Two assets capped at 0.15 each; the other 0.65 of the 0.95 target stays in cash.
 * assert.deepEqual(proposal.weights, { QQQ: 0.15, XLK: 0.15 });
 * assert.ok(Math.abs(proposal.residual - 0.65) < 1e-12);
 * ```
 *
 * @module
 */
export {
  type IndicatorReadings,
  type ScanCondition,
  type ScanSnapshot,
  TECHNICAL_COMPONENTS,
  TECHNICAL_WEIGHTS,
  type TechnicalComponent,
  type TechnicalInputs,
  type TechnicalParts,
  technicalParts,
  technicalScore,
  type TechnicalScoreOptions,
} from "./technical_score.ts";
export {
  type FundamentalFigures,
  FundamentalsIndex,
  type LatestAsOfOptions,
} from "./fundamentals_index.ts";
export {
  FUNDAMENTAL_SCALES,
  FUNDAMENTAL_WEIGHTS,
  type FundamentalGroups,
  fundamentalGroups,
  type FundamentalScales,
  fundamentalScore,
  fundamentalScoreAsOf,
  type FundamentalScoreOptions,
} from "./fundamental_score.ts";
export {
  type CombinedScore,
  combinedScore,
  SCORE_WEIGHTS,
  type ScoreWeights,
} from "./combined_score.ts";
export {
  buildUniverse,
  type TickerScan,
  type TrendProblem,
  trendProblem,
  type UniverseInput,
  type UniverseMember,
  type UniverseOptions,
  type UniverseResult,
} from "./universe.ts";
export type {
  BucketScaling,
  Dropped,
  ExceptionRule,
  Proposal,
  ProposalStages,
  Selection,
  SizingCandidate,
  SizingException,
  SizingInput,
  WeightMap,
} from "./proposal.ts";
export {
  RESIDUAL_STRATEGIES,
  type ResidualStrategy,
  type ResolvedSizingOptions,
  resolveSizingOptions,
  SIZING_DEFAULTS,
  type SizingOptions,
  type Weighting,
} from "./sizing_options.ts";
export { applyIndividualCaps, normalizeToTarget, rawWeights } from "./two_stage.ts";
export {
  type BucketMember,
  limitBucketPositions,
  limitBucketWeights,
  limitedMembersByBucket,
} from "./bucket_limits.ts";
export { allocateResidual, type ResidualMember } from "./residual.ts";
export { type ExceptionLimits, type ExceptionMember, findExceptions } from "./exceptions.ts";
export { proposeWeights, riskCap } from "./sizing.ts";
export {
  allocateFallback,
  FALLBACK_DEFAULTS,
  type FallbackAllocation,
  type FallbackOptions,
} from "./fallback.ts";
export { MAX_SHAPLEY_PLAYERS, shapleyValues } from "./shapley.ts";
export {
  attributeProposalCash,
  CASH_FILTERS,
  type CashFilter,
  type CashFunnel,
  type ProposalCash,
  type ProposalCashInput,
  type ScoredScan,
} from "./cash_attribution.ts";
export {
  CASH_CAUSE_LABELS,
  CASH_CAUSES,
  type CashCause,
  cashCauses,
  type CashMeans,
  cashMeans,
  type CashSummary,
  type DatedCash,
  type RebalanceCash,
  summarizeCash,
} from "./cash_causes.ts";
