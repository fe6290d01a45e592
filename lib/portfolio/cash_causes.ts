/**
 * The causes a rebalance's un-invested weight is split between, and their
 * averages over a run (by regime too): what `deno task audit exposure` and the
 * run summary print.
 *
 * One rebalance's un-invested weight, 1 - the sum of its target weights, is
 * exactly the sum of:
 *
 * | cause | what it is |
 * | ----- | ---------- |
 * | `target` | 1 - `sizing.target`: cash kept on purpose |
 * | the six filters | the Shapley shares of the universe and sizing filters (`cash_attribution.ts`) |
 * | `positionCap` | what even the unfiltered proposal (its universe still cut to `maxAssets`) could not place under the position cap |
 * | `fallback` | minus the weight the fallback bucket took (`fallback.ts`) |
 * | `minTrade` | proposed changes smaller than `rebalance.minTradeWeight`, not made |
 * | `protection` | changes protection blocked, decayed or scaled (negative where it kept a position the proposal closed) |
 *
 * @module
 */
import { CASH_FILTERS, type CashFunnel } from "./cash_attribution.ts";

/** Every cause, in the order of the pipeline. */
export const CASH_CAUSES = [
  "target",
  ...CASH_FILTERS,
  "positionCap",
  "fallback",
  "minTrade",
  "protection",
] as const;
/** One of {@link CASH_CAUSES}. */
export type CashCause = typeof CASH_CAUSES[number];

/** What each cause is and the setting behind it, for tables. */
export const CASH_CAUSE_LABELS: Readonly<Record<CashCause, string>> = Object.freeze({
  target: "target exposure below 1 (sizing.target)",
  unbucketed: "tickers in no bucket (buckets.map, buckets.file)",
  inactiveBuckets: "buckets the regime does not activate (buckets.regimeMap, --buckets)",
  trendFilter: "trend filter (universe.trendingConfidence, universe.direction)",
  minScore: "score below the minimum (sizing.minScore)",
  bucketPositions: "bucket position limit (sizing.maxBucketPositions)",
  bucketWeight: "bucket weight limit (sizing.maxBucketWeight)",
  positionCap: "too few assets for the position cap (universe.maxAssets, sizing.maxSingle)",
  fallback: "taken by the fallback bucket (fallback.bucket)",
  minTrade: "changes below the minimum trade (rebalance.minTradeWeight)",
  protection: "protection verdicts (blocked, decayed, kept)",
});

/**
 * Every cause with the given share, 0 for the others.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cashCauses } from "./cash_causes.ts";
 *
 * const causes = cashCauses({ target: 0.05, trendFilter: 0.3 });
 * assert.equal(causes.trendFilter, 0.3);
 * assert.equal(causes.protection, 0);
 * ```
 */
export function cashCauses(
  shares: Partial<Record<CashCause, number>> = {},
): Record<CashCause, number> {
  return Object.fromEntries(CASH_CAUSES.map((c) => [c, shares[c] ?? 0])) as Record<
    CashCause,
    number
  >;
}

/** One rebalance's target exposure and where the rest went. */
export type RebalanceCash = {
  /** The sum of the target weights. */
  readonly invested: number;
  /** 1 - invested: the sum of `causes`. */
  readonly uninvested: number;
  readonly causes: Readonly<Record<CashCause, number>>;
  readonly funnel: CashFunnel;
};

/** A rebalance's cash with its day and regime, as a run records it. */
export type DatedCash = RebalanceCash & {
  readonly date: string;
  readonly regime: string | null;
};

/** Means over a set of rebalances. */
export type CashMeans = {
  readonly rebalances: number;
  readonly invested: number;
  readonly uninvested: number;
  readonly causes: Readonly<Record<CashCause, number>>;
  readonly funnel: Readonly<Record<keyof CashFunnel, number>>;
  /** Rebalances whose targets invest nothing (under half a percent). */
  readonly allCash: number;
};

/** A run's rebalances, averaged overall and by regime. */
export type CashSummary = CashMeans & {
  readonly first: string | null;
  readonly last: string | null;
  readonly byRegime: Readonly<Record<string, CashMeans>>;
};

/** A rebalance whose targets invest less than this is counted as all cash. */
const ALL_CASH = 0.005;

/**
 * Averages rebalances' cash overall and by regime (regimes in order of first
 * appearance; a rebalance without a regime counts as "unknown").
 *
 * @example Two rebalances
 * ```ts
 * import assert from "node:assert/strict";
 * import { cashCauses, summarizeCash } from "./cash_causes.ts";
 *
 * const causes = (trendFilter: number) => cashCauses({ trendFilter });
 * const funnel = {
 *   scanned: 10, held: 0, unbucketed: 0, inactiveBuckets: 5, notTrending: 2, lowConfidence: 1,
 *   trendingDown: 0, universeFull: 0, universe: 2, belowMinScore: 0, bucketFull: 0, selected: 2,
 * };
 * const summary = summarizeCash([
 *   { date: "2024-01-05", regime: "Goldilocks", invested: 0.3, uninvested: 0.7, causes: causes(0.7), funnel },
 *   { date: "2024-01-12", regime: "Deflation", invested: 0.9, uninvested: 0.1, causes: causes(0.1), funnel },
 * ]);
 * assert.equal(summary.invested, 0.6);
 * assert.ok(Math.abs(summary.causes.trendFilter - 0.4) < 1e-12);
 * assert.equal(summary.byRegime.Goldilocks?.invested, 0.3);
 * ```
 */
export function summarizeCash(rebalances: readonly DatedCash[]): CashSummary {
  const byRegime = new Map<string, DatedCash[]>();
  for (const r of rebalances) {
    const key = r.regime ?? "unknown";
    let list = byRegime.get(key);
    if (list === undefined) byRegime.set(key, list = []);
    list.push(r);
  }
  return {
    ...cashMeans(rebalances),
    first: rebalances[0]?.date ?? null,
    last: rebalances.at(-1)?.date ?? null,
    byRegime: Object.fromEntries([...byRegime].map(([k, list]) => [k, cashMeans(list)])),
  };
}

/** The means of a set of rebalances (zeros for none). */
export function cashMeans(rebalances: readonly RebalanceCash[]): CashMeans {
  const n = rebalances.length;
  const mean = (f: (r: RebalanceCash) => number) => {
    let total = 0;
    for (const r of rebalances) total += f(r);
    return n === 0 ? 0 : total / n;
  };
  const funnelKeys = Object.keys(rebalances[0]?.funnel ?? {}) as (keyof CashFunnel)[];
  return {
    rebalances: n,
    invested: mean((r) => r.invested),
    uninvested: mean((r) => r.uninvested),
    causes: Object.fromEntries(CASH_CAUSES.map((c) => [c, mean((r) => r.causes[c])])) as Record<
      CashCause,
      number
    >,
    funnel: Object.fromEntries(funnelKeys.map((k) => [k, mean((r) => r.funnel[k])])) as Record<
      keyof CashFunnel,
      number
    >,
    allCash: rebalances.filter((r) => r.invested < ALL_CASH).length,
  };
}
