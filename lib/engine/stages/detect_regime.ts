/**
 * Stage: the regime of the day, from the regime provider (database first,
 * market data otherwise). Skips while the detector is warming up.
 *
 * @module
 */
import type { RegimeContext } from "../../market/regime.ts";
import { skip, type Stage } from "../pipeline.ts";
import type { RebalanceBase } from "./context.ts";

/** Anything that gives the regime context of a Panel day (the regime provider does). */
export type RegimeSource = { readonly atIndex: (t: number) => RegimeContext };

/** Adds `regime`; skips ("regime warming up") while no regime is known. */
export function detectRegime(
  source: RegimeSource,
): Stage<RebalanceBase, { regime: RegimeContext }> {
  return {
    name: "detect_regime",
    run: (ctx) => {
      const regime = source.atIndex(ctx.t);
      return regime.regime === null
        ? skip(
          "detect_regime",
          "regime warming up: not enough history to read growth and inflation",
        )
        : { regime };
    },
  };
}
