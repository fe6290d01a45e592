/**
 * Core assets: an asset scoring above the threshold becomes core for
 * `expiryDays`; a core asset cannot be closed or decayed (immune to grace and
 * forced closure, and the grace rule never starts grace for it) and may exceed
 * bucket limits (the sizing step asks {@link isCore}). Core status is revoked
 * when the asset underperforms its bucket by more than `revokeUnderperformance`.
 *
 * Design decision: core immunity is priority 1 and cannot be bypassed by a
 * regime override (priority 2): the seed says core assets are "always
 * protected", and its orchestrator checks core before it looks at the regime.
 * Adjusting a core asset (including down, to honour the single-asset cap) stays
 * allowed: the immunity is from closure and decay. Designation does not need
 * an open position, so the proposal step can let a core asset exceed its bucket
 * limit on the day it is bought. Core runs from the designation day through
 * designation + expiryDays inclusive (the seed revokes when date > expiry); a
 * new score above the threshold after that designates it again.
 *
 * @see docs/design.md#core-assets
 * @module
 */
import { checkInteger, checkNumber } from "./check_options.ts";
import type { ProtectionFact } from "./facts.ts";
import { ABSTAIN, block, type RuleOutcome } from "./outcome.ts";
import type { ProtectionRequest } from "./request.ts";
import { orNull, PRIORITY, type ProtectionRule, RULE_NAMES, type RuleContext } from "./rule.ts";
import type { AssetView, ProtectionState } from "./state.ts";

/** Options of {@link coreAsset}. */
export type CoreAssetOptions = {
  /** A score strictly above this designates the asset core. Default 0.95. */
  readonly threshold?: number;
  /** Days core status lasts (integer >= 1). Default 90. */
  readonly expiryDays?: number;
  /** Revoke when asset return - bucket return < -this (a fraction). Default 0.15. */
  readonly revokeUnderperformance?: number;
  /** At most this many core assets at once (integer >= 1, or Infinity). Default 3 (the seed's). */
  readonly maxAssets?: number;
};

const WHAT = "build the core asset rule";

/** Whether the asset is core on day `t`. */
export function isCore(asset: AssetView, t: number): boolean {
  return asset.coreSinceT <= t && asset.coreUntilT >= t;
}

/**
 * The core asset rule (priority 1): blocks `close` and `decay` of a core asset.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createOrchestrator } from "./mod.ts";
 *
 * const protection = createOrchestrator();
 * protection.record({ kind: "positionOpened", asset: "NVDA", t: 0, size: 0.1 });
 * protection.record({ kind: "scoreObserved", asset: "NVDA", t: 10, score: 0.97 });
 * const close = (t: number) => protection.canExecute({ asset: "NVDA", action: "close", t, date: "" });
 * assert.equal(close(100).rule, "core_asset"); // core through day 10 + 90
 * assert.equal(close(101).approved, true);
 * ```
 */
export function coreAsset(options: CoreAssetOptions = {}): ProtectionRule {
  const threshold = checkNumber(WHAT, "threshold", options.threshold ?? 0.95, 0, 1);
  const expiryDays = checkInteger(WHAT, "expiryDays", options.expiryDays ?? 90, 1);
  const revoke = checkNumber(
    WHAT,
    "revokeUnderperformance",
    options.revokeUnderperformance ?? 0.15,
    0,
    Number.MAX_VALUE,
  );
  const maxAssets = options.maxAssets ?? 3;
  if (maxAssets !== Infinity) checkInteger(WHAT, "maxAssets", maxAssets, 1);
  const noClose = block("core asset: immune to forced closure");
  const noDecay = block("core asset: immune to grace decay");

  const evaluate = (request: ProtectionRequest, context: RuleContext): RuleOutcome => {
    const action = request.action;
    if ((action === "close" || action === "decay") && isCore(context.asset, request.t)) {
      return action === "close" ? noClose : noDecay;
    }
    return ABSTAIN;
  };

  const observe = (fact: ProtectionFact, state: ProtectionState): void => {
    if (fact.kind === "scoreObserved" && fact.score > threshold) {
      const asset = state.getOrCreate(fact.asset);
      if (isCore(asset, fact.t) || _coreCount(state, fact.t) >= maxAssets) return;
      asset.coreSinceT = fact.t;
      asset.coreUntilT = fact.t + expiryDays;
    } else if (fact.kind === "performanceObserved") {
      const asset = state.getOrCreate(fact.asset);
      if (isCore(asset, fact.t) && asset.relativeReturn < -revoke) {
        asset.coreUntilT = NaN;
        asset.coreRevokedT = fact.t;
      }
    }
  };

  return {
    name: RULE_NAMES.core,
    priority: PRIORITY.core,
    evaluate,
    observe,
    status: (context, t) => {
      const asset = context.asset;
      const core = isCore(asset, t);
      return {
        enabled: true,
        isCore: core,
        mayExceedBucketLimits: core,
        sinceT: core ? asset.coreSinceT : null,
        untilT: core ? asset.coreUntilT : null,
        revokedT: orNull(asset.coreRevokedT),
        relativeReturn: orNull(asset.relativeReturn),
      };
    },
  };
}

function _coreCount(state: ProtectionState, t: number): number {
  let count = 0;
  for (const asset of state.assets()) if (isCore(asset, t)) count++;
  return count;
}
