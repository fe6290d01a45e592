/**
 * Regime override: on the day of a regime transition with override authority
 * (and `activeDays - 1` days after), the blocks of the rules its severity
 * names are recorded as bypassed instead of refusing the request: a critical
 * regime change must be able to close a young position or reopen a cycled one.
 *
 * Design decision: by default only `critical` transitions carry authority, over
 * grace, holding and whipsaw (the seed's issue text: "critical regime changes
 * bypass protection"); the seed's code also let `high` bypass grace and
 * holding, which is one option away: `authority: { high: ["grace_period",
 * "holding_period"] }`. Core immunity ranks above this rule and is never
 * bypassed.
 *
 * @see docs/design.md#regime-override and docs/design.md#priority-hierarchy
 * @module
 */
import { checkInteger } from "./check_options.ts";
import type { RegimeSeverity } from "./facts.ts";
import { ABSTAIN, type Override, override, type RuleOutcome } from "./outcome.ts";
import type { ProtectionRequest } from "./request.ts";
import { orNull, PRIORITY, type ProtectionRule, RULE_NAMES, type RuleContext } from "./rule.ts";

/** Options of {@link regimeOverride}. */
export type RegimeOverrideOptions = {
  /** Rules each severity may bypass. Default: critical bypasses grace, holding and whipsaw. */
  readonly authority?: Readonly<Partial<Record<RegimeSeverity, readonly string[]>>>;
  /** Days the override lasts from the transition day (integer >= 1). Default 1 (that day only). */
  readonly activeDays?: number;
};

const WHAT = "build the regime override rule";
const SEVERITIES: readonly RegimeSeverity[] = ["normal", "high", "critical"];

/** The default authority: a critical transition bypasses grace, holding and whipsaw. */
export const DEFAULT_AUTHORITY: Readonly<Partial<Record<RegimeSeverity, readonly string[]>>> = {
  critical: [RULE_NAMES.grace, RULE_NAMES.holding, RULE_NAMES.whipsaw],
};

/**
 * The regime override rule (priority 2): grants an override after a transition
 * whose severity has authority.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createOrchestrator } from "./mod.ts";
 *
 * const protection = createOrchestrator();
 * protection.record({ kind: "positionOpened", asset: "SPY", t: 0, size: 0.2 });
 * protection.record({ kind: "regimeChanged", t: 1, from: "Goldilocks", to: "Deflation", severity: "critical" });
 * const verdict = protection.canExecute({ asset: "SPY", action: "close", t: 1, date: "2024-01-03" });
 * assert.equal(verdict.approved, true);
 * assert.deepEqual(verdict.bypassed, ["holding_period"]); // held 1 of 3 days
 * ```
 */
export function regimeOverride(options: RegimeOverrideOptions = {}): ProtectionRule {
  const authority = options.authority ?? DEFAULT_AUTHORITY;
  const activeDays = checkInteger(WHAT, "activeDays", options.activeDays ?? 1, 1);
  const outcomes = new Map<string, Override>();
  for (const [severity, rules] of Object.entries(authority)) {
    if (!SEVERITIES.includes(severity as RegimeSeverity)) {
      throw new RangeError(
        `Cannot ${WHAT} as authority keys must be normal, high or critical: current value is ${severity}`,
      );
    }
    if (rules === undefined || rules.length === 0) continue;
    outcomes.set(severity, override(`${severity} regime transition overrides protection`, rules));
  }

  const evaluate = (request: ProtectionRequest, context: RuleContext): RuleOutcome => {
    const regime = context.regime;
    const days = request.t - regime.t;
    if (!(days >= 0 && days < activeDays)) return ABSTAIN;
    return outcomes.get(regime.severity) ?? ABSTAIN;
  };

  return {
    name: RULE_NAMES.regimeOverride,
    priority: PRIORITY.regimeOverride,
    evaluate,
    status: (context, t) => {
      const regime = context.regime;
      const days = t - regime.t;
      const granted = days >= 0 && days < activeDays ? outcomes.get(regime.severity) : undefined;
      return {
        enabled: true,
        active: granted !== undefined,
        bypasses: granted === undefined ? [] : [...granted.bypass],
        transitionT: orNull(regime.t),
        from: regime.from,
        to: regime.to,
        severity: regime.severity,
      };
    },
  };
}
