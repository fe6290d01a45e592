/**
 * Why a proposal leaves weight in cash: the un-invested part of the target
 * exposure split between the filters of the universe and the sizing, with the
 * funnel of how many assets each filter turned away.
 *
 * The six filters, each with what it means to relax it:
 *
 * | filter | turns away | relaxed |
 * | ------ | ---------- | ------- |
 * | `unbucketed` | assets in no bucket of the map (never bought) | they enter as if in an active bucket of their own |
 * | `inactiveBuckets` | assets whose buckets the regime (or `--buckets`) does not activate | every bucket of the map is active |
 * | `trendFilter` | assets not trending, trending below `trendingConfidence`, or down where `direction` is up | every scanned asset of the active buckets enters |
 * | `minScore` | candidates scoring below `minScore` | minimum 0 |
 * | `bucketPositions` | the lowest-scored members of a full bucket | no position limit |
 * | `bucketWeight` | weight over a bucket's limit | limit 1 |
 *
 * Their effects overlap (relaxing the trend filter admits assets that the
 * bucket limits then cut), so no order of relaxing them is the right one. The
 * exposure the proposal would reach is computed for every combination of
 * relaxed filters (2^6 = 64 proposals, each from the same scans and scores),
 * and each filter is charged its Shapley value: its average gain over every
 * order of relaxing them. The shares add up exactly to what all of them
 * together cost; what remains up to the target is `positionCap`: weight that
 * even the unfiltered proposal could not place, as its universe (still cut to
 * `maxAssets`) held too few assets for the position cap (each asset's cap
 * lowered by the volatility limit `maxPositionRisk`, where that is on: a
 * limit on risk, like the cap, not a filter).
 *
 * Design decision: the universe's size (`maxAssets`) is a capacity, like the
 * position cap, not a filter the game relaxes. Relaxing it would let every
 * scanned asset into the counterfactual proposals (500 on a large universe,
 * 10 ms a rebalance instead of 1); its effect shows in `positionCap`, and the
 * funnel still counts the entrants it cut.
 *
 * @see docs/research.md#why-it-sits-in-cash (the figures on real prices)
 * @module
 */
import { type CashFunnel, cashFunnel, scoredCandidates } from "./cash_funnel.ts";
import type { SizingCandidate, SizingInput } from "./proposal.ts";
import { shapleyValues } from "./shapley.ts";
import { proposedExposure, riskCap } from "./sizing.ts";
import {
  type ResolvedSizingOptions,
  resolveSizingOptions,
  type SizingOptions,
} from "./sizing_options.ts";
import {
  buildUniverse,
  type TickerScan,
  type UniverseOptions,
  type UniverseResult,
} from "./universe.ts";

/** The filters the cash attribution charges, in pipeline order. */
export const CASH_FILTERS = [
  "unbucketed",
  "inactiveBuckets",
  "trendFilter",
  "minScore",
  "bucketPositions",
  "bucketWeight",
] as const;
/** One of {@link CASH_FILTERS}. */
export type CashFilter = typeof CASH_FILTERS[number];

/** A scanned asset and its combined score on the day (null: it could not be scored). */
export type ScoredScan = TickerScan & { readonly score: number | null };

/** What {@link attributeProposalCash} reads: one rebalance's inputs to the universe and the sizing. */
export type ProposalCashInput = {
  /** Tickers held now (always in the universe). */
  readonly held: readonly string[];
  /** Every asset scanned on the day, with its score. */
  readonly scanned: readonly ScoredScan[];
  /** The whole bucket map: bucket name -> tickers. */
  readonly buckets: Readonly<Record<string, readonly string[]>>;
  /** The buckets active on the day (the regime's, within `--buckets`). */
  readonly activeBuckets: readonly string[];
  /** Core assets on the day (exempt from bucket limits where allowed). */
  readonly coreAssets?: readonly string[];
  readonly universe: UniverseOptions;
  readonly sizing: SizingOptions;
  /** The buckets a ticker counts in for the bucket limits (the sizing stage's; default: every bucket of the map it sits in). */
  readonly bucketsOf?: (ticker: string) => readonly string[];
};

export type { CashFunnel } from "./cash_funnel.ts";

/** The proposal's un-invested weight, split (see the module doc). */
export type ProposalCash = {
  /** The target exposure (`sizing.target`). */
  readonly target: number;
  /** The exposure the proposal reaches with every filter as configured. */
  readonly proposed: number;
  /** The exposure it would reach with every filter relaxed. */
  readonly unfiltered: number;
  /** Each filter's share of `unfiltered - proposed`. */
  readonly filters: Readonly<Record<CashFilter, number>>;
  /** `target - unfiltered`: what a universe of `maxAssets` too few for the position cap leaves. */
  readonly positionCap: number;
  readonly funnel: CashFunnel;
};

const BIT: Readonly<Record<CashFilter, number>> = Object.freeze(
  Object.fromEntries(CASH_FILTERS.map((f, i) => [f, 1 << i])) as Record<CashFilter, number>,
);
/** The filters that shape the universe (the others act in the sizing). */
const UNIVERSE_BITS = BIT.unbucketed | BIT.inactiveBuckets | BIT.trendFilter;
/** The bucket limits' bits, shifted to 0..3 (they are the last two filters). */
const SIZING_SHIFT = CASH_FILTERS.indexOf("bucketPositions");

/**
 * Splits the weight a proposal leaves un-invested between the filters by
 * their Shapley values (see the module doc). Pure; the proposal with nothing
 * relaxed is the one `proposeWeights` makes from the same universe.
 *
 * @example Two trending assets in one active bucket, a third filtered out
 * ```ts
 * import assert from "node:assert/strict";
 * import { attributeProposalCash } from "./cash_attribution.ts";
 *
 * const scan = (ticker: string, confidence: number, score: number) =>
 *   ({ ticker, condition: "trending", trendDirection: "up", confidence, strength: 0.5, score }) as const;
 * const cash = attributeProposalCash({
 *   held: [],
 *   scanned: [scan("QQQ", 0.9, 0.9), scan("XLK", 0.8, 0.85), scan("VUG", 0.5, 0.8)],
 *   buckets: { Growth: ["QQQ", "XLK", "VUG"] },
 *   activeBuckets: ["Growth"],
 *   universe: {},
 *   sizing: {},
 * });
 * // Two positions at the 15% cap: 0.30 of the 0.95 target. Without the trend filter VUG
 * // enters, and the bucket holds 0.40 (its weight limit) or 0.45 (the limit relaxed too):
 * // the filter gains 0.10 alone and 0.15 after the limit, the limit 0 alone and 0.05 after
 * // the filter. Shapley: trend filter (0.10 + 0.15) / 2, bucket weight (0 + 0.05) / 2. The
 * // rest is the position cap: three assets can hold at most 0.45 of the 0.95.
 * assert.equal(cash.proposed, 0.3);
 * assert.ok(Math.abs(cash.filters.trendFilter - 0.125) < 1e-12);
 * assert.ok(Math.abs(cash.filters.bucketWeight - 0.025) < 1e-12);
 * assert.ok(Math.abs(cash.positionCap - 0.5) < 1e-12);
 * assert.equal(cash.funnel.lowConfidence, 1);
 * ```
 */
export function attributeProposalCash(input: ProposalCashInput): ProposalCash {
  const sizing = resolveSizingOptions(input.sizing);
  const bucketsOf = input.bucketsOf ?? _bucketsIn(input.buckets);
  const scores = new Map(input.scanned.map((s) => [s.ticker, s.score]));
  const volatilities = new Map(input.scanned.map((s) => [s.ticker, s.volatility]));
  const unbucketed = input.scanned.filter((s) => bucketsOf(s.ticker).length === 0)
    .map((s) => s.ticker);
  const groups = _groups(input, unbucketed);
  const universes = new Map<number, UniverseResult>();
  const universeOf = (mask: number): UniverseResult => {
    const key = mask & UNIVERSE_BITS;
    let u = universes.get(key);
    if (u === undefined) {
      u = _universe(input, groups, key);
      universes.set(key, u);
    }
    return u;
  };
  // Below the minimum score a candidate is dropped first thing: leaving it out gives the same
  // weights, and lets coalitions that differ only by such candidates share one sizing run.
  type Pool = {
    readonly id: number;
    readonly input: SizingInput;
    /** The bucket limits that may bind (see _bindingLimits). */
    readonly limits: number;
    /** The exposure with no bucket limit at all: min(target, the sum of the caps). */
    readonly capsOnly: number;
  };
  const poolIds = new Map<string, Pool>();
  const pools = new Map<number, Pool>();
  const poolOf = (mask: number): Pool => {
    const key = mask & (UNIVERSE_BITS | BIT.minScore);
    let pool = pools.get(key);
    if (pool === undefined) {
      const floor = (mask & BIT.minScore) !== 0 ? 0 : sizing.minScore;
      const candidates = scoredCandidates(universeOf(mask), scores, bucketsOf, volatilities)
        .filter((c) => c.score >= floor);
      const tickers = candidates.map((c) => c.ticker).join(",");
      pool = poolIds.get(tickers);
      if (pool === undefined) {
        pool = {
          id: poolIds.size,
          input: { candidates, ...(input.coreAssets ? { coreAssets: input.coreAssets } : {}) },
          limits: _bindingLimits(candidates, sizing),
          capsOnly: _capsOnly(candidates, input.coreAssets ?? [], sizing),
        };
        poolIds.set(tickers, pool);
      }
      pools.set(key, pool);
    }
    return pool;
  };
  const exposures = new Map<number, number>();
  const value = (mask: number): number => {
    const pool = poolOf(mask);
    // A bucket limit no bucket of the pool can reach gives the same weights relaxed or not.
    const sizingBits = mask & (BIT.bucketPositions | BIT.bucketWeight) & pool.limits;
    const key = pool.id * 4 + (sizingBits >> SIZING_SHIFT);
    let exposure = exposures.get(key);
    if (exposure === undefined) {
      exposure = pool.input.candidates.length === 0
        ? 0
        : (pool.limits & ~sizingBits) === 0
        ? pool.capsOnly // no bucket limit left that could bind
        : proposedExposure(pool.input, {
          ..._relaxedSizing(input.sizing, sizingBits),
          minScore: 0,
        });
      exposures.set(key, exposure);
    }
    return exposure;
  };
  const shares = shapleyValues(CASH_FILTERS.length, value);
  const proposed = value(0);
  const unfiltered = value((1 << CASH_FILTERS.length) - 1);
  return {
    target: sizing.target,
    proposed,
    unfiltered,
    filters: Object.fromEntries(CASH_FILTERS.map((f, i) => [f, shares[i] ?? 0])) as Record<
      CashFilter,
      number
    >,
    positionCap: sizing.target - unfiltered,
    funnel: cashFunnel(input, universeOf(0), scores, bucketsOf, sizing.minScore, volatilities),
  };
}

/**
 * The groups the counterfactual universes are drawn from, as three buckets:
 * the scanned tickers of the active buckets, of the other buckets, and of none.
 * Only membership matters to the universe here, and three short lists make its
 * eight rebuilds cheap whatever the size of the bucket map.
 */
function _groups(input: ProposalCashInput, unbucketed: readonly string[]) {
  const scanned = new Set(input.scanned.map((s) => s.ticker));
  const active = new Set<string>();
  for (const b of input.activeBuckets) {
    for (const t of input.buckets[b] ?? []) if (scanned.has(t)) active.add(t);
  }
  const inactive = new Set<string>();
  for (const list of Object.values(input.buckets)) {
    for (const t of list) if (scanned.has(t) && !active.has(t)) inactive.add(t);
  }
  const none = new Set(unbucketed);
  const held = new Set(input.held);
  const scansOf = (keep: (ticker: string) => boolean) =>
    input.scanned.filter((s) => !held.has(s.ticker) && keep(s.ticker));
  return {
    active: [...active],
    inactive: [...inactive],
    unbucketed,
    /** The scans of each group (held assets' apart): a universe reads only those in play. */
    scans: {
      held: input.scanned.filter((s) => held.has(s.ticker)),
      active: scansOf((t) => active.has(t)),
      inactive: scansOf((t) => inactive.has(t)),
      none: scansOf((t) => none.has(t)),
    },
  };
}

function _universe(
  input: ProposalCashInput,
  groups: ReturnType<typeof _groups>,
  mask: number,
): UniverseResult {
  const relaxed = (f: CashFilter) => (mask & BIT[f]) !== 0;
  const buckets = { active: groups.active, inactive: groups.inactive, none: groups.unbucketed };
  return buildUniverse({
    held: input.held,
    activeBuckets: [
      "active",
      ...(relaxed("inactiveBuckets") ? ["inactive"] : []),
      ...(relaxed("unbucketed") ? ["none"] : []),
    ],
    buckets,
    scans: [
      ...groups.scans.held,
      ...groups.scans.active,
      ...(relaxed("inactiveBuckets") ? groups.scans.inactive : []),
      ...(relaxed("unbucketed") ? groups.scans.none : []),
    ],
  }, {
    ...input.universe,
    ...(relaxed("trendFilter") ? { admit: "all" as const } : {}),
  });
}

/**
 * The bucket-limit bits that may bind for these candidates: the position limit
 * when some bucket holds more candidates than it allows, the weight limit when
 * some bucket's candidates could together hold more than it allows (each at the
 * larger of the two caps). Counting every candidate overstates, so a limit left
 * out can never bind.
 */
function _bindingLimits(candidates: readonly SizingCandidate[], sizing: ResolvedSizingOptions) {
  const count = new Map<string, number>();
  for (const c of candidates) {
    for (const b of new Set(c.buckets)) count.set(b, (count.get(b) ?? 0) + 1);
  }
  const cap = Math.max(sizing.maxSingle, sizing.exceptionMaxSingle);
  let bits = 0;
  for (const n of count.values()) {
    if (n > sizing.maxBucketPositions) bits |= BIT.bucketPositions;
    if (n * cap > sizing.maxBucketWeight) bits |= BIT.bucketWeight;
  }
  return bits;
}

/**
 * The exposure of the sizing without bucket limits: stage 2 fills the target
 * if the caps allow (water-filling), else every asset sits at its cap and the
 * residual finds no room. A core or high-alpha asset's cap is the exception cap.
 */
function _capsOnly(
  candidates: readonly SizingCandidate[],
  core: readonly string[],
  sizing: ResolvedSizingOptions,
): number {
  let caps = 0;
  for (const c of candidates) {
    const exempt = core.includes(c.ticker) || c.score > sizing.highAlphaScore;
    caps += riskCap(exempt ? sizing.exceptionMaxSingle : sizing.maxSingle, c.volatility, sizing);
  }
  return Math.min(sizing.target, caps);
}

/** The bucket limits relaxed by `mask` (the minimum score is applied to the pool beforehand). */
function _relaxedSizing(sizing: SizingOptions, mask: number): SizingOptions {
  return {
    ...sizing,
    ...((mask & BIT.bucketPositions) !== 0 ? { maxBucketPositions: Infinity } : {}),
    ...((mask & BIT.bucketWeight) !== 0 ? { maxBucketWeight: 1 } : {}),
  };
}

/** Ticker -> the buckets of `map` it sits in, in the map's order. */
function _bucketsIn(map: Readonly<Record<string, readonly string[]>>) {
  const of = new Map<string, string[]>();
  for (const [bucket, tickers] of Object.entries(map)) {
    for (const ticker of tickers) {
      const list = of.get(ticker);
      if (list === undefined) of.set(ticker, [bucket]);
      else if (!list.includes(bucket)) list.push(bucket);
    }
  }
  return (ticker: string): readonly string[] => of.get(ticker) ?? [];
}

function _sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
