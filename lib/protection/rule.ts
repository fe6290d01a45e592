/**
 * The one contract every protection rule implements, the built-in rules' names
 * and priorities, and the do-nothing rule that fills a disabled slot.
 *
 * @see docs/design.md#priority-hierarchy
 * @module
 */
import type { ProtectionFact } from "./facts.ts";
import { ABSTAIN, type RuleOutcome } from "./outcome.ts";
import type { ProtectionRequest } from "./request.ts";
import type { AssetView, ProtectionState, RegimeView } from "./state.ts";

/** A JSON value (status reports and verdicts are made of these). */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** A rule's part of an asset's status report. */
export type RuleStatus = { readonly [key: string]: JsonValue };

/**
 * What a rule reads to decide. The orchestrator reuses one context object from
 * call to call: read it during `evaluate`, never keep it.
 */
export type RuleContext = {
  /** The requested asset's state (an empty record when nothing is known about it). */
  readonly asset: AssetView;
  readonly regime: RegimeView;
};

/** A protection rule: judges requests by priority (1 first) and learns from facts. */
export interface ProtectionRule {
  /** Unique name, recorded in verdicts and the audit log. */
  readonly name: string;
  /** Lower numbers are asked first and win conflicts. */
  readonly priority: number;
  /** Judges one request without changing any state (same state, same outcome). */
  readonly evaluate: (request: ProtectionRequest, context: RuleContext) => RuleOutcome;
  /** Updates the rule's own part of the state after the store recorded a fact. */
  readonly observe?: (fact: ProtectionFact, state: ProtectionState) => void;
  /** The rule's part of an asset's status on day `t`. */
  readonly status?: (context: RuleContext, t: number) => RuleStatus;
  /** Forgets whatever the rule keeps outside the shared state. */
  readonly reset?: () => void;
}

/** Names of the built-in rules, as verdicts and status reports spell them. */
export const RULE_NAMES = {
  core: "core_asset",
  regimeOverride: "regime_override",
  grace: "grace_period",
  holding: "holding_period",
  whipsaw: "whipsaw",
} as const;

/** Priorities of the built-in rules, from the seed's hierarchy. */
export const PRIORITY = {
  core: 1,
  regimeOverride: 2,
  grace: 3,
  holding: 4,
  whipsaw: 5,
} as const;

const DISABLED: RuleStatus = Object.freeze({ enabled: false });

/**
 * The do-nothing rule: abstains on every request and learns nothing. It fills a
 * disabled slot, so an ablation is the same run with one rule swapped for it.
 */
export function doNothing(name: string, priority: number): ProtectionRule {
  return {
    name,
    priority,
    evaluate: () => ABSTAIN,
    status: () => DISABLED,
  };
}

/** NaN (absent) as JSON null. */
export function orNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
