/**
 * Two-stage sizing: from scored candidates to target weights, each step kept
 * for the audit log.
 *
 * 1. Select: candidates scoring at least `minScore`, in score order (ties by
 *    ticker); bucket position limits drop the lowest-scored excess.
 * 2. Raw weights: proportional to score, or equal.
 * 3. Stage 1: each capped at `maxSingle` (an exempt asset at `exceptionMaxSingle`).
 * 4. Stage 2: normalised to `target` by water-filling.
 * 5. Bucket weight limits: a bucket over `maxBucketWeight` is scaled down.
 * 6. Residual: if more than `residualThreshold` is unallocated, it goes to assets
 *    with room by the `residual` strategy; what is left stays in cash.
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
  const { members, selected, dropped } = _select(input, o);
  const caps = Float64Array.from(members, (m) => m.cap);
  const raw = rawWeights(Float64Array.from(members, (m) => m.score), o.weighting);
  const stage1 = applyIndividualCaps(raw, caps);
  const stage2 = normalizeToTarget(raw, caps, o.target);
  const buckets = limitBucketWeights(stage2, members, o.maxBucketWeight);
  const unallocated = o.target - _sum(buckets.weights);
  const residual = unallocated > o.residualThreshold
    ? allocateResidual(buckets.weights, members, unallocated, o.residual, o.maxBucketWeight)
    : { weights: buckets.weights, allocated: 0 };
  const final = residual.weights;
  const record = (w: Float64Array): WeightMap => _record(members, w);
  return {
    weights: record(final),
    selected,
    dropped,
    exceptions: findExceptions(final, members, o),
    bucketsScaled: buckets.scaled,
    residualAllocated: residual.allocated,
    residual: Math.max(0, o.target - _sum(final)),
    stages: {
      raw: record(raw),
      stage1: record(stage1),
      stage2: record(stage2),
      afterBuckets: record(buckets.weights),
      final: record(final),
    },
  };
}

/**
 * Step 1: candidates scoring at least minScore, in score order, within the
 * bucket position limits; the others dropped with the reason.
 */
function _select(input: SizingInput, o: ResolvedSizingOptions): {
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
    } else {
      dropped.push({
        ticker: c.ticker,
        reason: `score ${_fmt(c.score)} < ${o.minScore} threshold`,
      });
    }
  }
  const limited = limitBucketPositions(eligible, o.maxBucketPositions);
  dropped.push(...limited.dropped);
  const members = limited.kept.flatMap((i) => eligible[i] ?? []);
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
    cap: exemptReason === null ? o.maxSingle : o.exceptionMaxSingle,
  };
}

function _record(members: readonly _Member[], weights: Float64Array): WeightMap {
  const out: Record<string, number> = {};
  members.forEach((m, i) => out[m.ticker] = weights[i] ?? 0);
  return out;
}

function _sum(weights: Float64Array): number {
  let total = 0;
  for (const w of weights) total += w;
  return total;
}
