/**
 * Options of the regime-aware strategy, with the seed's defaults.
 *
 * @module
 */
import { DEFAULT_BUCKETS } from "../market/buckets.ts";
import { SCORE_WEIGHTS, type ScoreWeights } from "../portfolio/combined_score.ts";
import type { SizingOptions } from "../portfolio/sizing_options.ts";
import type { FallbackOptions } from "../portfolio/fallback.ts";
import type { UniverseOptions } from "../portfolio/universe.ts";
import type { Frequency } from "./equal_weight.ts";

/** What the regime-aware strategy decides with (the services it reads are passed apart). */
export type RegimeAwareOptions = {
  /** How often the full rebalance runs; grace decays are applied every day. Default weekly. */
  readonly rebalance: Frequency;
  /** Position changes smaller than this weight are not made. Default 0.005. */
  readonly minTradeWeight: number;
  /** Technical / fundamental weights of the combined score. Default 0.6 / 0.4. */
  readonly scoreWeights: ScoreWeights;
  readonly universe: UniverseOptions;
  readonly sizing: SizingOptions;
  /** Bucket name -> tickers. */
  readonly buckets: Readonly<Record<string, readonly string[]>>;
  /** Buckets the strategy may select from (`--buckets`); undefined = all. */
  readonly allowedBuckets?: readonly string[] | undefined;
  /** The bucket whose best-scored members take what nothing qualified for; undefined = cash (the seed's rule). */
  readonly fallback?: (FallbackOptions & { readonly bucket: string }) | undefined;
  /**
   * Attribute each rebalance's un-invested weight to its causes (the `attribute_cash`
   * stage: 64 counterfactual sizings a rebalance). Default true; runs without an audit
   * log turn it off.
   */
  readonly attributeCash?: boolean | undefined;
};

/** The defaults: weekly rebalances, the seed's score weights and the default buckets. */
export const REGIME_AWARE_DEFAULTS: RegimeAwareOptions = Object.freeze({
  rebalance: "weekly",
  minTradeWeight: 0.005,
  scoreWeights: SCORE_WEIGHTS,
  universe: {},
  sizing: {},
  buckets: DEFAULT_BUCKETS,
});
