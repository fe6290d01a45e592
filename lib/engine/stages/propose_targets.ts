/**
 * Stage: target weights from the scores: selection above the minimum score,
 * stage-1 caps, stage-2 normalisation, bucket limits (core assets may exceed
 * them), residual allocation, and the fallback bucket's share of what is left
 * (when there is one). Each asset counts in every bucket it belongs to, not
 * only the active ones. A candidate carries its scan's volatility, which lowers
 * its cap under `sizing.maxPositionRisk`.
 *
 * @module
 */
import type { CombinedScore } from "../../portfolio/combined_score.ts";
import type { ScanResult } from "../../market/scanner_result.ts";
import type { FallbackOptions } from "../../portfolio/fallback.ts";
import type { Proposal } from "../../portfolio/proposal.ts";
import { proposeWeights } from "../../portfolio/sizing.ts";
import type { SizingOptions } from "../../portfolio/sizing_options.ts";
import type { UniverseResult } from "../../portfolio/universe.ts";
import type { Stage } from "../pipeline.ts";
import type { RebalanceBase } from "./context.ts";

/** Options of {@link proposeTargets}. */
export type ProposeTargetsOptions = {
  /** Every bucket each ticker belongs to. */
  readonly bucketsOf: (ticker: string) => readonly string[];
  readonly sizing: SizingOptions;
  /** Core assets on day t (from the protection state). */
  readonly coreAssets: (t: number) => readonly string[];
  /** The fallback bucket's tickers and options; absent = what is left stays in cash. */
  readonly fallback?: {
    readonly tickers: readonly string[];
    readonly options?: FallbackOptions | undefined;
  } | undefined;
};

/** Adds `proposal`. */
export function proposeTargets(
  options: ProposeTargetsOptions,
): Stage<
  RebalanceBase & {
    scans: ReadonlyMap<string, ScanResult>;
    universe: UniverseResult;
    scores: ReadonlyMap<string, CombinedScore>;
  },
  { proposal: Proposal }
> {
  return {
    name: "propose_weights",
    run: (ctx) => {
      const candidates = ctx.universe.tickers.flatMap((ticker) => {
        const s = ctx.scores.get(ticker);
        const volatility = ctx.scans.get(ticker)?.volatility;
        return s === undefined ? [] : [{
          ticker,
          score: s.score,
          buckets: options.bucketsOf(ticker),
          ...(volatility === undefined ? {} : { volatility }),
        }];
      });
      const fallback = options.fallback;
      const proposal = proposeWeights({
        candidates,
        coreAssets: options.coreAssets(ctx.t),
        ...(fallback === undefined ? {} : {
          fallback: {
            candidates: fallback.tickers.flatMap((ticker) => {
              const s = ctx.scores.get(ticker);
              return s === undefined
                ? []
                : [{ ticker, score: s.score, buckets: options.bucketsOf(ticker) }];
            }),
            ...(fallback.options ? { options: fallback.options } : {}),
            held: ctx.held,
          },
        }),
      }, options.sizing);
      return { proposal };
    },
  };
}
