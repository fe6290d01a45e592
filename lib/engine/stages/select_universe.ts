/**
 * Stage: the universe of the rebalance: every held asset, plus trending
 * assets of the buckets the regime activates (restricted to the buckets the
 * user allows, `--buckets`).
 *
 * @module
 */
import type { RegimeContext } from "../../market/regime.ts";
import type { ScanResult } from "../../market/scanner_result.ts";
import {
  buildUniverse,
  type UniverseOptions,
  type UniverseResult,
} from "../../portfolio/universe.ts";
import type { Stage } from "../pipeline.ts";
import type { RebalanceBase } from "./context.ts";

/** Options of {@link selectUniverse}. */
export type SelectUniverseOptions = {
  /** Bucket name -> tickers. */
  readonly buckets: Readonly<Record<string, readonly string[]>>;
  /** Buckets the strategy may select from; undefined = all. */
  readonly allowedBuckets?: readonly string[] | undefined;
  readonly universe: UniverseOptions;
};

/** Adds `universe` and the `activeBuckets` it was drawn from. */
export function selectUniverse(
  options: SelectUniverseOptions,
): Stage<
  RebalanceBase & { regime: RegimeContext; scans: ReadonlyMap<string, ScanResult> },
  { universe: UniverseResult; activeBuckets: readonly string[] }
> {
  const allowed = options.allowedBuckets ? new Set(options.allowedBuckets) : undefined;
  return {
    name: "select_universe",
    run: (ctx) => {
      const activeBuckets = ctx.regime.buckets.filter((b) =>
        options.buckets[b] !== undefined && (allowed === undefined || allowed.has(b))
      );
      const universe = buildUniverse({
        held: ctx.held,
        activeBuckets,
        buckets: options.buckets,
        scans: ctx.scans.values(),
      }, options.universe);
      return { universe, activeBuckets };
    },
  };
}
