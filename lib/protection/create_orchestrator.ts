/**
 * The factory that assembles the default rule set: core asset, regime override,
 * grace period, holding period and whipsaw, each replaced by the do-nothing rule
 * when disabled (so an ablation is one flag).
 *
 * @module
 */
import { coreAsset, type CoreAssetOptions } from "./core_asset.ts";
import { gracePeriod, type GracePeriodOptions } from "./grace_period.ts";
import { holdingPeriod, type HoldingPeriodOptions } from "./holding_period.ts";
import { ProtectionOrchestrator } from "./orchestrator.ts";
import { regimeOverride, type RegimeOverrideOptions } from "./regime_override.ts";
import { doNothing, PRIORITY, type ProtectionRule, RULE_NAMES } from "./rule.ts";
import type { Verdict } from "./verdict.ts";
import { whipsaw, type WhipsawOptions } from "./whipsaw.ts";

/** The built-in rule slots. */
export type RuleSlot = keyof typeof RULE_NAMES;

/** Options of {@link createOrchestrator}; every field is optional, defaults are the seed's. */
export type OrchestratorOptions = {
  /** Options per built-in rule. */
  readonly rules?: {
    readonly core?: CoreAssetOptions;
    readonly regimeOverride?: RegimeOverrideOptions;
    readonly grace?: GracePeriodOptions;
    readonly holding?: HoldingPeriodOptions;
    readonly whipsaw?: WhipsawOptions;
  };
  /** Which built-in rules run; a disabled one is the do-nothing rule. Default: all. */
  readonly enabled?: { readonly [slot in RuleSlot]?: boolean };
  /** Extra rules, asked by their priority among the built-in ones. */
  readonly custom?: readonly ProtectionRule[];
  /** Receives every verdict of `canExecute` (the audit log's hook). */
  readonly onVerdict?: (verdict: Verdict) => void;
};

/**
 * Builds an orchestrator with the default rules (priority: core asset 1,
 * regime override 2, grace period 3, holding period 4, whipsaw 5).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createOrchestrator } from "./mod.ts";
 *
 * const protection = createOrchestrator({ enabled: { whipsaw: false } });
 * protection.record({ kind: "positionOpened", asset: "QQQ", t: 0, size: 0.1 });
 * const verdict = protection.canExecute({ asset: "QQQ", action: "close", t: 1, date: "2024-01-03" });
 * assert.equal(verdict.approved, false);
 * assert.equal(verdict.rule, "holding_period");
 * assert.equal(protection.metrics().approvalRate, 0);
 * ```
 */
export function createOrchestrator(options: OrchestratorOptions = {}): ProtectionOrchestrator {
  const on = (slot: RuleSlot) => options.enabled?.[slot] ?? true;
  const rules = options.rules ?? {};
  const slot = (name: RuleSlot, build: () => ProtectionRule) =>
    on(name) ? build() : doNothing(RULE_NAMES[name], PRIORITY[name]);
  return new ProtectionOrchestrator(
    [
      slot("core", () => coreAsset(rules.core)),
      slot("regimeOverride", () => regimeOverride(rules.regimeOverride)),
      slot("grace", () => gracePeriod(rules.grace)),
      slot("holding", () => holdingPeriod(rules.holding)),
      slot("whipsaw", () => whipsaw(rules.whipsaw)),
      ...(options.custom ?? []),
    ],
    options.onVerdict,
  );
}
