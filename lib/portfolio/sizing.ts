/**
 * Two-stage sizing: from scored candidates to target weights, each step kept
 * for the audit log.
 *
 * 1. Select: candidates scoring at least `minScore`, in score order (ties by
 *    ticker); bucket position limits drop the lowest-scored excess.
 * 2. Raw weights: proportional to score, or equal.
 * 3. Stage 1: each capped at `maxSingle` (an exempt asset at `exceptionMaxSingle`),
 *    lowered to `maxPositionRisk / volatility` for a volatile asset when that
 *    limit is on ({@link riskCap}).
 * 4. Stage 2: normalised to `target` by water-filling.
 * 5. Bucket weight limits: a bucket over `maxBucketWeight` is scaled down.
 * 6. Residual: if more than `residualThreshold` is unallocated, it goes to assets
 *    with room by the `residual` strategy; what is left stays in cash.
 * 7. Fallback (when the input names fallback candidates): what is still
 *    unallocated beyond `residualThreshold` goes to the best-scored members of
 *    the fallback bucket (`fallback.ts`); what they cannot take stays in cash.
 *
 * Exempt assets are core assets (passed in) and high-alpha ones (score above
 * `highAlphaScore`); they may exceed bucket limits when `allowBucketOverride`
 * is on, and their own cap is `exceptionMaxSingle`. Each limit one of them
 * exceeds in the final weights is listed in `exceptions` with the reason.
 *
 * @see docs/design.md#position-sizing
 * @module
 */
import { _fmt } from "./_checks.ts";
import { limitBucketPositions, limitBucketWeights } from "./bucket_limits.ts";
import { type ExceptionMember, findExceptions } from "./exceptions.ts";
import type {
  Dropped,
  Proposal,
  Selection,
  SizingCandidate,
  SizingInput,
  WeightMap,
} from "./proposal.ts";
import { allocateResidual, type ResidualMember } from "./residual.ts";
import { allocateFallback, type FallbackAllocation } from "./fallback.ts";
import {
  type ResolvedSizingOptions,
  resolveSizingOptions,
  type SizingOptions,
} from "./sizing_options.ts";
import { applyIndividualCaps, normalizeToTarget, rawWeights } from "./two_stage.ts";

type _Member = ResidualMember & ExceptionMember;

/**
 * Target weights for the candidates: select, stage 1 caps, stage 2 normalise,
 * bucket limits, residual (see the module doc). Pure and deterministic: the
 * order of `candidates` does not matter. Throws a RangeError on a bad option, a
 * score outside [0, 1] or a ticker given twice.
 *
 * @example Six candidates, the seed's defaults, by hand
 * ```ts
 * import assert from "node:assert/strict";
 * import { proposeWeights } from "./sizing.ts";
 *
 * const c = (ticker: string, score: number, buckets: string[]) => ({ ticker, score, buckets });
 * const proposal = proposeWeights({
 *   candidates: [
 *     c("QQQ", 0.9, ["Growth"]), c("XLK", 0.9, ["Growth"]), c("VUG", 0.9, ["Growth"]),
 *     c("TLT", 0.7, ["Bonds"]), c("GLD", 0.7, ["Gold"]), c("XLE", 0.5, ["Energy"]),
 *   ],
 * });
 * // XLE is below 0.65. Raw weights of the rest: score / 4.1 (0.220 and 0.171), all above
 * // 0.15, so stage 1 caps them all at 0.15; stage 2 cannot reach 0.95 under the caps (5 x
 * // 0.15 = 0.75). Growth holds 3 x 0.15 = 0.45 > 0.40: scaled by 0.40 / 0.45 to 0.1333 each.
 * // The residual 0.95 - 0.70 = 0.25 finds no room (TLT and GLD are at their caps, Growth
 * // is full): it stays in cash.
 * assert.deepEqual(proposal.dropped, [{ ticker: "XLE", reason: "score 0.500 < 0.65 threshold" }]);
 * assert.equal(proposal.selected[0]?.reason, "High score asset: 0.900 >= 0.65 threshold");
 * assert.ok(Math.abs((proposal.weights.QQQ ?? NaN) - 0.4 / 3) < 1e-12);
 * assert.equal(proposal.weights.TLT, 0.15);
 * assert.ok(Math.abs(proposal.residual - 0.25) < 1e-12);
 * ```
 */
export function proposeWeights(input: SizingInput, options: SizingOptions = {}): Proposal {
  const o = resolveSizingOptions(options);
  const { members, selected, dropped } = _select(input, o, true);
  const { raw, caps, stage2, buckets, residual } = _weigh(members, o);
  const final = residual.weights;
  const record = (w: Float64Array): WeightMap => _record(members, w);
  const fallback = _fallback(input, record(final), o.target - _sum(final), o.residualThreshold);
  const weights = fallback === null ? record(final) : _plus(record(final), fallback.added);
  return {
    weights,
    selected,
    dropped,
    exceptions: findExceptions(final, members, o),
    bucketsScaled: buckets.scaled,
    residualAllocated: residual.allocated,
    ...(fallback === null ? {} : { fallback }),
    residual: Math.max(0, o.target - _sum(Object.values(weights))),
    stages: {
      raw: record(raw),
      stage1: record(applyIndividualCaps(raw, caps)),
      stage2: record(stage2),
      afterBuckets: record(buckets.weights),
      final: weights,
    },
  };
}

/**
 * The exposure {@link proposeWeights} reaches before any fallback (the sum of
 * its selected assets' final weights), without building the proposal's
 * records: what the cash attribution asks up to 64 times a rebalance.
 *
 * @example The sum of the weights of proposeWeights
 * ```ts
 * import assert from "node:assert/strict";
 * import { proposedExposure, proposeWeights } from "./sizing.ts";
 *
 * const candidates = [{ ticker: "QQQ", score: 0.9, buckets: ["Growth"] }, { ticker: "TLT", score: 0.7, buckets: ["Bonds"] }];
 * const sum = Object.values(proposeWeights({ candidates }).weights).reduce((a, b) => a + b, 0);
 * assert.equal(proposedExposure({ candidates }), sum);
 * ```
 */
export function proposedExposure(input: SizingInput, options: SizingOptions = {}): number {
  const o = resolveSizingOptions(options);
  const { members } = _select(input, o, false);
  return _sum(_weigh(members, o).residual.weights);
}

/** Steps 2 to 6: raw weights, caps, normalisation, bucket weight limits, residual. */
function _weigh(members: readonly _Member[], o: ResolvedSizingOptions) {
  const caps = Float64Array.from(members, (m) => m.cap);
  const raw = rawWeights(Float64Array.from(members, (m) => m.score), o.weighting);
  const stage2 = normalizeToTarget(raw, caps, o.target);
  const buckets = limitBucketWeights(stage2, members, o.maxBucketWeight);
  const unallocated = o.target - _sum(buckets.weights);
  const residual = unallocated > o.residualThreshold
    ? allocateResidual(buckets.weights, members, unallocated, o.residual, o.maxBucketWeight)
    : { weights: buckets.weights, allocated: 0 };
  return { raw, caps, stage2, buckets, residual };
}

/**
 * Step 1: candidates scoring at least minScore, in score order, within the
 * bucket position limits; the others dropped with the reason.
 */
function _select(input: SizingInput, o: ResolvedSizingOptions, explain: boolean): {
  readonly members: _Member[];
  readonly selected: Selection[];
  readonly dropped: Dropped[];
} {
  const core = new Set(input.coreAssets ?? []);
  const dropped: Dropped[] = [];
  const eligible: _Member[] = [];
  for (const c of _ranked(input.candidates)) {
    if (c.score >= o.minScore) {
      eligible.push(_member(c, core, o));
    } else if (explain) {
      dropped.push({
        ticker: c.ticker,
        reason: `score ${_fmt(c.score)} < ${o.minScore} threshold`,
      });
    }
  }
  const limited = limitBucketPositions(eligible, o.maxBucketPositions);
  dropped.push(...limited.dropped);
  const members = limited.kept.flatMap((i) => eligible[i] ?? []);
  if (!explain) return { members, selected: [], dropped: [] };
  const selected = members.map((m) => ({
    ticker: m.ticker,
    score: m.score,
    reason: `High score asset: ${_fmt(m.score)} >= ${o.minScore} threshold`,
  }));
  return { members, selected, dropped };
}

/** Candidates checked and sorted by score descending, then ticker. */
function _ranked(candidates: readonly SizingCandidate[]): SizingCandidate[] {
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.ticker)) {
      throw new RangeError(
        `Cannot size the portfolio as each candidate must appear once: current value has ${c.ticker} twice`,
      );
    }
    seen.add(c.ticker);
    if (!(c.score >= 0 && c.score <= 1)) {
      throw new RangeError(
        `Cannot size the portfolio as the score of ${c.ticker} must be in [0, 1]: current value is ${c.score}`,
      );
    }
  }
  return [...candidates].sort((a, b) =>
    b.score - a.score || (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0)
  );
}

function _member(c: SizingCandidate, core: ReadonlySet<string>, o: ResolvedSizingOptions): _Member {
  const exemptReason = core.has(c.ticker)
    ? "core asset"
    : c.score > o.highAlphaScore
    ? `high-alpha asset: score ${_fmt(c.score)} > ${o.highAlphaScore}`
    : null;
  return {
    ticker: c.ticker,
    score: c.score,
    buckets: c.buckets,
    bucketExempt: exemptReason !== null && o.allowBucketOverride,
    exemptReason,
    cap: riskCap(exemptReason === null ? o.maxSingle : o.exceptionMaxSingle, c.volatility, o),
  };
}

/**
 * A position's cap under the risk limit: `cap`, lowered to
 * `maxPositionRisk / volatility` where that is smaller (a position of a
 * 40%-volatility stock holds a third of one of a 13% index fund). Without a
 * limit (0) or a finite positive volatility, `cap`.
 *
 * Design decision: the limit lowers caps and never raises them, so a quiet
 * asset is not levered up past `maxSingle`, and stage 2 still normalises to
 * the target: a volatile candidate gives its weight to calmer ones with room,
 * and what no one has room for goes to the residual rule and the fallback.
 *
 * @see Moreira and Muir (2017), "Volatility-Managed Portfolios", Journal of Finance 72(4), https://doi.org/10.1111/jofi.12513 (sizing by inverse volatility)
 *
 * @example A stock at 45% volatility under a 2% limit: cap 4.4% instead of 15%
 * ```ts
 * import assert from "node:assert/strict";
 * import { riskCap } from "./sizing.ts";
 *
 * assert.ok(Math.abs(riskCap(0.15, 0.45, { maxPositionRisk: 0.02 }) - 0.02 / 0.45) < 1e-15);
 * assert.equal(riskCap(0.15, 0.08, { maxPositionRisk: 0.02 }), 0.15); // 0.25 > 0.15: unchanged
 * assert.equal(riskCap(0.15, 0.45, { maxPositionRisk: 0 }), 0.15); // off
 * assert.equal(riskCap(0.15, NaN, { maxPositionRisk: 0.02 }), 0.15); // no reading
 * ```
 */
export function riskCap(
  cap: number,
  volatility: number | undefined,
  options: { readonly maxPositionRisk: number },
): number {
  const limit = options.maxPositionRisk;
  if (!(limit > 0) || volatility === undefined || !(volatility > 0) || volatility === Infinity) {
    return cap;
  }
  return Math.min(cap, limit / volatility);
}

function _record(members: readonly _Member[], weights: Float64Array): WeightMap {
  const out: Record<string, number> = {};
  members.forEach((m, i) => out[m.ticker] = weights[i] ?? 0);
  return out;
}

/** Step 7: the fallback's share of what is left, or null without fallback candidates. */
function _fallback(
  input: SizingInput,
  weights: WeightMap,
  left: number,
  threshold: number,
): FallbackAllocation | null {
  if (input.fallback === undefined) return null;
  const amount = left > threshold ? left : 0;
  const { candidates, options, held } = input.fallback;
  return allocateFallback(candidates, weights, amount, options, held);
}

/** `weights` with `added` on top (new tickers after the others). */
function _plus(weights: WeightMap, added: Readonly<Record<string, number>>): WeightMap {
  const out: Record<string, number> = { ...weights };
  for (const [ticker, w] of Object.entries(added)) out[ticker] = (out[ticker] ?? 0) + w;
  return out;
}

function _sum(weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i] ?? 0;
  return total;
}
