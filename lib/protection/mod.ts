/**
 * Protection rules and their orchestrator: every open, close, adjust and decay
 * the rebalancer proposes is judged by core asset immunity, regime override,
 * grace period, holding period and whipsaw protection, in that priority, and
 * answered with a JSON-ready verdict for the audit log. Pure: state is explicit
 * data fed by facts, time is the caller's day clock, no I/O.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createOrchestrator } from "./mod.ts";
 *
 * const protection = createOrchestrator();
 * protection.record({ kind: "positionOpened", asset: "AAPL", t: 0, size: 0.1 });
 * protection.record({ kind: "scoreObserved", asset: "AAPL", t: 4, score: 0.5 });
 * const close = protection.canExecute({ asset: "AAPL", action: "close", t: 4, date: "2024-01-08" });
 * assert.equal(close.approved, false);
 * assert.equal(close.rule, "grace_period");
 * const status = protection.status("AAPL", 4);
 * assert.equal(status.protections.grace_period?.active, true);
 * assert.equal(status.actions.open.allowed, true);
 * ```
 *
 * @module
 */
export { coreAsset, type CoreAssetOptions, isCore } from "./core_asset.ts";
export {
  createOrchestrator,
  type OrchestratorOptions,
  type RuleSlot,
} from "./create_orchestrator.ts";
export type {
  PerformanceObservedFact,
  PositionAdjustedFact,
  PositionClosedFact,
  PositionOpenedFact,
  ProtectionFact,
  RegimeChangedFact,
  RegimeSeverity,
  ScoreObservedFact,
} from "./facts.ts";
export { gracePeriod, type GracePeriodOptions } from "./grace_period.ts";
export { holdingPeriod, type HoldingPeriodOptions } from "./holding_period.ts";
export {
  type ActionStatus,
  ProtectionOrchestrator,
  type ProtectionStatus,
} from "./orchestrator.ts";
export {
  ABSTAIN,
  type Abstain,
  type Approve,
  approve,
  type Block,
  block,
  type Modify,
  modify,
  type Override,
  override,
  type RuleOutcome,
} from "./outcome.ts";
export {
  DEFAULT_AUTHORITY,
  regimeOverride,
  type RegimeOverrideOptions,
} from "./regime_override.ts";
export type { AssetSnapshot, ProtectionSnapshot } from "./protection_snapshot.ts";
export { PROTECTION_ACTIONS, type ProtectionAction, type ProtectionRequest } from "./request.ts";
export {
  doNothing,
  type JsonValue,
  PRIORITY,
  type ProtectionRule,
  RULE_NAMES,
  type RuleContext,
  type RuleStatus,
} from "./rule.ts";
export {
  AssetState,
  type AssetView,
  ProtectionState,
  RegimeState,
  type RegimeView,
} from "./state.ts";
export { type Modification, NO_RULE, type ProtectionMetrics, type Verdict } from "./verdict.ts";
export { recentCycles, whipsaw, type WhipsawOptions } from "./whipsaw.ts";
