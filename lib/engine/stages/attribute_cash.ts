/**
 * Stage: where the weight the rebalance leaves un-invested went. It decides
 * nothing: it splits 1 - the sum of the approved targets between the causes of
 * `lib/portfolio/cash_causes.ts`, from what the earlier stages found (the
 * scans, scores, universe, proposal and protected targets), for the audit log,
 * the run summary and `deno task audit exposure`.
 *
 * The universe and sizing filters are charged by their Shapley shares
 * (`attributeProposalCash`, which scores the assets the universe left out the
 * same way as the universe's own); the fallback is credited what it took;
 * the difference between the proposal and the approved targets is split into
 * changes below the minimum trade and the protection's verdicts.
 *
 * @module
 */
import type { ScanResult } from "../../market/scanner_result.ts";
import { attributeProposalCash, type ScoredScan } from "../../portfolio/cash_attribution.ts";
import type { CashCause, RebalanceCash } from "../../portfolio/cash_causes.ts";
import type { CombinedScore } from "../../portfolio/combined_score.ts";
import type { Proposal } from "../../portfolio/proposal.ts";
import type { SizingOptions } from "../../portfolio/sizing_options.ts";
import type { UniverseOptions, UniverseResult } from "../../portfolio/universe.ts";
import type { Stage } from "../pipeline.ts";
import type { RebalanceBase } from "./context.ts";

/** Options of {@link attributeCash}: the settings the universe and sizing stages ran with. */
export type AttributeCashOptions = {
  readonly buckets: Readonly<Record<string, readonly string[]>>;
  readonly bucketsOf: (ticker: string) => readonly string[];
  readonly universe: UniverseOptions;
  readonly sizing: SizingOptions;
  readonly minTradeWeight: number;
  readonly coreAssets: (t: number) => readonly string[];
  /** The score of an asset the scoring stage did not score (as that stage would). */
  readonly score: (ticker: string, scan: ScanResult, date: string) => CombinedScore | null;
};

/** What the stage reads. */
export type AttributeCashNeeds = RebalanceBase & {
  readonly scans: ReadonlyMap<string, ScanResult>;
  readonly activeBuckets: readonly string[];
  readonly universe: UniverseResult;
  readonly scores: ReadonlyMap<string, CombinedScore>;
  readonly proposal: Proposal;
  readonly targets: Readonly<Record<string, number>>;
};

/** Adds `cash`: the rebalance's invested weight and where the rest went. */
export function attributeCash(
  options: AttributeCashOptions,
): Stage<AttributeCashNeeds, { cash: RebalanceCash | undefined }> {
  return { name: "attribute_cash", run: (ctx) => ({ cash: rebalanceCash(ctx, options) }) };
}

/** The do-nothing stage of the slot: no attribution (`cash` undefined). */
export const noCash: Stage<AttributeCashNeeds, { cash: RebalanceCash | undefined }> = {
  name: "attribute_cash",
  run: () => ({ cash: undefined }),
};

/** The split of {@link attributeCash} for one rebalance's context. */
export function rebalanceCash(
  ctx: AttributeCashNeeds,
  options: AttributeCashOptions,
): RebalanceCash {
  const scanned: ScoredScan[] = [];
  for (const [ticker, scan] of ctx.scans) {
    const score = ctx.scores.get(ticker) ?? options.score(ticker, scan, ctx.date);
    scanned.push({ ...scan, ticker, score: score?.score ?? null });
  }
  const proposal = attributeProposalCash({
    held: ctx.held,
    scanned,
    buckets: options.buckets,
    activeBuckets: ctx.activeBuckets,
    coreAssets: options.coreAssets(ctx.t),
    universe: options.universe,
    sizing: options.sizing,
    bucketsOf: options.bucketsOf,
  });
  const proposed = _sum(Object.values(ctx.proposal.weights));
  const invested = _sum(Object.values(ctx.targets));
  const minTrade = _minTrade(ctx, options.minTradeWeight);
  const causes: Record<CashCause, number> = {
    target: 1 - proposal.target,
    ...proposal.filters,
    positionCap: proposal.positionCap,
    fallback: -(ctx.proposal.fallback?.allocated ?? 0),
    minTrade,
    protection: proposed - invested - minTrade,
  };
  return { invested, uninvested: 1 - invested, causes, funnel: proposal.funnel };
}

/** The weight of proposed changes too small to make: opens not made, adjustments left as they were. */
function _minTrade(ctx: AttributeCashNeeds, minTradeWeight: number): number {
  let total = 0;
  for (const [ticker, proposed] of Object.entries(ctx.proposal.weights)) {
    const before = ctx.weights[ticker];
    if (before === undefined) {
      if (proposed < minTradeWeight) total += proposed;
    } else if (proposed !== 0 && Math.abs(proposed - before) < minTradeWeight) {
      total += proposed - before;
    }
  }
  return total;
}

function _sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
