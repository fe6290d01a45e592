/**
 * The funnel of one rebalance: how many of the scanned assets each step of
 * the universe and the sizing kept or turned away (cash_attribution.ts splits
 * the un-invested weight between the same steps).
 *
 * @module
 */
import type { ProposalCashInput } from "./cash_attribution.ts";
import type { SizingCandidate } from "./proposal.ts";
import { proposeWeights } from "./sizing.ts";
import { trendProblem, type UniverseResult } from "./universe.ts";

/** How many assets each step kept or turned away on one rebalance (held assets bypass the universe filters). */
export type CashFunnel = {
  readonly scanned: number;
  readonly held: number;
  readonly unbucketed: number;
  readonly inactiveBuckets: number;
  readonly notTrending: number;
  readonly lowConfidence: number;
  readonly trendingDown: number;
  readonly universeFull: number;
  readonly universe: number;
  readonly belowMinScore: number;
  readonly bucketFull: number;
  readonly selected: number;
};

/** The universe's members that have a score, as the sizing stage makes its candidates. */
export function scoredCandidates(
  universe: UniverseResult,
  scores: ReadonlyMap<string, number | null>,
  bucketsOf: (ticker: string) => readonly string[],
  volatilities: ReadonlyMap<string, number | undefined>,
): SizingCandidate[] {
  return universe.tickers.flatMap((ticker) => {
    const score = scores.get(ticker);
    const volatility = volatilities.get(ticker);
    return score === null || score === undefined ? [] : [{
      ticker,
      score,
      buckets: bucketsOf(ticker),
      ...(volatility === undefined ? {} : { volatility }),
    }];
  });
}

/** How many assets each step of `input`'s rebalance kept or turned away, `universe` being its universe as configured. */
export function cashFunnel(
  input: ProposalCashInput,
  universe: UniverseResult,
  scores: ReadonlyMap<string, number | null>,
  bucketsOf: (ticker: string) => readonly string[],
  minScore: number,
  volatilities: ReadonlyMap<string, number | undefined>,
): CashFunnel {
  const held = new Set(input.held);
  const active = new Set(input.activeBuckets);
  const threshold = input.universe.trendingConfidence ?? 0.7;
  const direction = input.universe.direction ?? "any";
  let unbucketed = 0, inactive = 0, notTrending = 0, lowConfidence = 0, down = 0;
  for (const scan of input.scanned) {
    if (held.has(scan.ticker)) continue;
    const buckets = bucketsOf(scan.ticker);
    if (buckets.length === 0) unbucketed++;
    else if (!buckets.some((b) => active.has(b))) inactive++;
    else if (input.universe.admit !== "all") {
      const problem = trendProblem(scan, threshold, direction)?.kind;
      if (problem === "not_trending") notTrending++;
      else if (problem === "low_confidence") lowConfidence++;
      else if (problem === "trending_down") down++;
    }
  }
  const universeFull = universe.excluded.filter((e) => e.reason.startsWith("universe full")).length;
  const candidates = scoredCandidates(universe, scores, bucketsOf, volatilities);
  const below = candidates.filter((c) => c.score < minScore).length;
  const proposal = proposeWeights({
    candidates,
    ...(input.coreAssets ? { coreAssets: input.coreAssets } : {}),
  }, input.sizing);
  return {
    scanned: input.scanned.length,
    held: held.size,
    unbucketed,
    inactiveBuckets: inactive,
    notTrending,
    lowConfidence,
    trendingDown: down,
    universeFull,
    universe: universe.tickers.length,
    belowMinScore: below,
    bucketFull: proposal.dropped.length - below,
    selected: proposal.selected.length,
  };
}
