/**
 * Grace period: a held position whose score falls below the threshold is not
 * closed at once; it decays by a factor a day for `graceDays` days, is freed by
 * a score back at or above the threshold, and is closed when grace expires.
 *
 * Timeline (defaults, hand-checked in the tests): score below 0.6 observed on
 * day s, size 1.0. A `decay` request on day s + d gets size·0.8^d for
 * d = 0..3 (1.0, 0.8, 0.64, 0.512); from d = 4 grace has expired: `close` is
 * approved ("grace expired") and `decay` answers size 0. Until then a `close`
 * is blocked (the position decays instead).
 *
 * Design decision: 3 grace days by default (the seed allows 3-5): three decays
 * take a position to half its size (0.512), enough to limit the damage of a
 * wrong signal without holding a failing asset for a week. Core assets (by
 * state, when the core rule is enabled) never enter grace.
 *
 * @see docs/design.md#grace-periods
 * @module
 */
import { checkInteger, checkNumber } from "./check_options.ts";
import type { ProtectionFact } from "./facts.ts";
import { ABSTAIN, approve, block, modify, type RuleOutcome } from "./outcome.ts";
import type { ProtectionRequest } from "./request.ts";
import { orNull, PRIORITY, type ProtectionRule, RULE_NAMES, type RuleContext } from "./rule.ts";
import type { AssetView, ProtectionState } from "./state.ts";

/** Options of {@link gracePeriod}. */
export type GracePeriodOptions = {
  /** A held position scoring below this enters grace; at or above it grace ends. Default 0.6. */
  readonly threshold?: number;
  /** Days of decay before grace expires (integer >= 1). Default 3. */
  readonly graceDays?: number;
  /** Size multiplier per day in grace, in (0, 1]. Default 0.8 (20% a day). */
  readonly decayFactor?: number;
};

const WHAT = "build the grace period rule";

/**
 * The grace period rule (priority 3): blocks the close of a position in grace,
 * answers `decay` requests with the decayed size, approves the close once grace
 * has expired.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createOrchestrator } from "./mod.ts";
 *
 * const protection = createOrchestrator({ rules: { grace: { graceDays: 3 } } });
 * protection.record({ kind: "positionOpened", asset: "XLE", t: 0, size: 0.1 });
 * protection.record({ kind: "scoreObserved", asset: "XLE", t: 5, score: 0.4 });
 * const verdict = protection.canExecute({ asset: "XLE", action: "decay", t: 6, date: "2024-01-09" });
 * assert.equal(verdict.modification?.size, 0.1 * 0.8);
 * ```
 */
export function gracePeriod(options: GracePeriodOptions = {}): ProtectionRule {
  const threshold = checkNumber(WHAT, "threshold", options.threshold ?? 0.6, 0, 1);
  const graceDays = checkInteger(WHAT, "graceDays", options.graceDays ?? 3, 1);
  const decayFactor = checkNumber(WHAT, "decayFactor", options.decayFactor ?? 0.8, 0, 1);
  if (decayFactor === 0) {
    throw new RangeError(`Cannot ${WHAT} as decayFactor must be above 0: current value is 0`);
  }
  const inGrace = block(`in grace period: the position decays for up to ${graceDays} days instead`);
  const expired = approve("grace expired");
  const expiredDecay = modify(0, "grace expired");
  const notInGrace = block("no grace period to decay");
  const decayReason = `grace period decay (factor ${decayFactor} a day)`;

  const evaluate = (request: ProtectionRequest, context: RuleContext): RuleOutcome => {
    const asset = context.asset;
    const days = request.t - asset.graceStartT;
    if (request.action === "close") {
      if (days >= 0) return days <= graceDays ? inGrace : expired;
      return ABSTAIN;
    }
    if (request.action === "decay") {
      if (!(days >= 0)) return notInGrace;
      if (days > graceDays) return expiredDecay;
      return modify(asset.graceStartSize * decayFactor ** days, decayReason);
    }
    return ABSTAIN;
  };

  const observe = (fact: ProtectionFact, state: ProtectionState): void => {
    if (fact.kind === "positionClosed") {
      const asset = state.getOrCreate(fact.asset);
      asset.graceStartT = NaN;
      asset.graceStartSize = NaN;
    } else if (fact.kind === "scoreObserved") {
      const asset = state.getOrCreate(fact.asset);
      if (!asset.open) return;
      const inGraceNow = !Number.isNaN(asset.graceStartT);
      if (fact.score < threshold && !inGraceNow && !_isCore(asset, fact.t)) {
        asset.graceStartT = fact.t;
        asset.graceStartSize = asset.size;
      } else if (fact.score >= threshold && inGraceNow) {
        asset.graceStartT = NaN;
        asset.graceStartSize = NaN;
      }
    }
  };

  return {
    name: RULE_NAMES.grace,
    priority: PRIORITY.grace,
    evaluate,
    observe,
    status: (context, t) => {
      const asset = context.asset;
      const days = t - asset.graceStartT;
      const active = days >= 0 && days <= graceDays;
      return {
        enabled: true,
        active,
        expired: days > graceDays,
        startT: orNull(asset.graceStartT),
        daysInGrace: days >= 0 ? days : null,
        daysLeft: active ? graceDays - days : null,
        size: active ? asset.graceStartSize * decayFactor ** days : null,
        threshold,
      };
    },
  };
}

function _isCore(asset: AssetView, t: number): boolean {
  return asset.coreSinceT <= t && asset.coreUntilT >= t;
}
