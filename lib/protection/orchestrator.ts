/**
 * The orchestrator: asks the rules in priority order and returns one verdict
 * per request, keeps the protection state fed by facts, counts its decisions,
 * and reports an asset's status.
 *
 * Resolution, rule by rule from priority 1: `abstain` passes to the next rule;
 * `override` (the first one) lets the named lower rules' blocks be bypassed;
 * `block` refuses, unless bypassed (then it is listed in `bypassed`); `approve`
 * and `modify` decide in favour and end the evaluation. When every rule passes,
 * the request is approved: by the overriding rule if it bypassed a block, else
 * by {@link NO_RULE}.
 *
 * Design decision: the decision path reads one Map entry and a few numbers per
 * rule, reuses one context object, and allocates only the verdict (reasons are
 * constants built with the rules), which keeps a decision well under a
 * microsecond (see orchestrator_bench.ts).
 *
 * @see docs/design.md#the-orchestrator
 * @module
 */
import type { ProtectionFact } from "./facts.ts";
import { PROTECTION_ACTIONS, type ProtectionAction, type ProtectionRequest } from "./request.ts";
import type { ProtectionRule, RuleStatus } from "./rule.ts";
import { isCore } from "./core_asset.ts";
import { AssetState, type AssetView, ProtectionState, type RegimeView } from "./state.ts";
import { type Modification, NO_RULE, type ProtectionMetrics, type Verdict } from "./verdict.ts";
import { type ProtectionSnapshot, restoreState, stateSnapshot } from "./protection_snapshot.ts";

/** How one action would be judged now, as the status report gives it. */
export type ActionStatus = {
  readonly allowed: boolean;
  readonly rule: string;
  readonly reason: string;
  /** The size a modification would set, else null. */
  readonly size: number | null;
};

/** An asset's protection status on day `t` (the seed's get_protection_status). */
export type ProtectionStatus = {
  readonly asset: string;
  readonly t: number;
  /** Each rule's own report, by rule name (rules without a report are absent). */
  readonly protections: { readonly [rule: string]: RuleStatus };
  readonly actions: { readonly [action in ProtectionAction]: ActionStatus };
};

const NONE: readonly string[] = Object.freeze([]);
const NO_OBJECTION = "no protection rule objected";
const UNKNOWN_ASSET: AssetView = new AssetState("");

/** Runs the protection rules; build it with `createOrchestrator`. */
export class ProtectionOrchestrator {
  readonly #state = new ProtectionState();
  readonly #context: { asset: AssetView; regime: RegimeView };
  readonly #onVerdict: ((verdict: Verdict) => void) | undefined;
  readonly #rules: ProtectionRule[] = [];
  #decisions = 0;
  #approved = 0;
  #overridesUsed = 0;
  #decays = 0;
  readonly #blocksByRule = new Map<string, number>();

  /** Rules in any order (they are sorted by priority); `onVerdict` receives every verdict. */
  constructor(rules: readonly ProtectionRule[], onVerdict?: (verdict: Verdict) => void) {
    this.#context = { asset: UNKNOWN_ASSET, regime: this.#state.regime };
    this.#onVerdict = onVerdict;
    for (const rule of rules) this.addRule(rule);
  }

  /** Judges one request: approved or not, why, by which rule, with any change of size. */
  canExecute(request: ProtectionRequest): Verdict {
    const verdict = this.#decide(request);
    this.#decisions++;
    if (verdict.approved) {
      this.#approved++;
      if (verdict.modification !== undefined && request.action === "decay") this.#decays++;
    } else {
      this.#blocksByRule.set(verdict.rule, (this.#blocksByRule.get(verdict.rule) ?? 0) + 1);
    }
    if (verdict.bypassed.length > 0) this.#overridesUsed++;
    this.#onVerdict?.(verdict);
    return verdict;
  }

  /** Records a fact (in time order): the shared state first, then each rule's own part. */
  record(fact: ProtectionFact): void {
    this.#state.record(fact);
    for (const rule of this.#rules) rule.observe?.(fact, this.#state);
  }

  /**
   * Adds a rule at run time; it is asked after the rules of lower or equal
   * priority number. Throws a TypeError when its name is taken.
   */
  addRule(rule: ProtectionRule): void {
    if (rule.name === "" || this.#rules.some((r) => r.name === rule.name)) {
      throw new TypeError(
        `Cannot add rule as its name must be unique and non-empty: current value is "${rule.name}"`,
      );
    }
    if (!Number.isFinite(rule.priority)) {
      throw new RangeError(
        `Cannot add rule ${rule.name} as its priority must be finite: current value is ${rule.priority}`,
      );
    }
    const at = this.#rules.findIndex((r) => r.priority > rule.priority);
    this.#rules.splice(at < 0 ? this.#rules.length : at, 0, rule);
  }

  /** The rules in the order they are asked. */
  rules(): readonly { readonly name: string; readonly priority: number }[] {
    return this.#rules.map(({ name, priority }) => ({ name, priority }));
  }

  /** The asset's protection status on day `t`: each rule's report and how each action would be judged. */
  status(asset: string, t: number, date = ""): ProtectionStatus {
    this.#context.asset = this.#state.get(asset) ?? UNKNOWN_ASSET;
    const protections: Record<string, RuleStatus> = {};
    for (const rule of this.#rules) {
      if (rule.status !== undefined) protections[rule.name] = rule.status(this.#context, t);
    }
    const actions = {} as Record<ProtectionAction, ActionStatus>;
    for (const action of PROTECTION_ACTIONS) {
      const v = this.#decide({ asset, action, t, date });
      actions[action] = {
        allowed: v.approved,
        rule: v.rule,
        reason: v.reason,
        size: v.modification?.size ?? null,
      };
    }
    return { asset, t, protections, actions };
  }

  /** Assets that are core on day `t` (they may exceed bucket limits), in first-seen order. */
  coreAssets(t: number): string[] {
    const core: string[] = [];
    for (const state of this.#state.assets()) if (isCore(state, t)) core.push(state.asset);
    return core;
  }

  /** Counters over every verdict since construction or the last reset. */
  metrics(): ProtectionMetrics {
    const decisions = this.#decisions;
    return {
      decisions,
      approved: this.#approved,
      blocked: decisions - this.#approved,
      approvalRate: decisions === 0 ? 0 : this.#approved / decisions,
      blocksByRule: Object.fromEntries(this.#blocksByRule),
      overridesUsed: this.#overridesUsed,
      decays: this.#decays,
    };
  }

  /**
   * The state and counters to carry to the next day, day indices relative to
   * `anchorT` (the day the snapshot is taken on); see protection_snapshot.ts.
   */
  snapshot(anchorT: number): ProtectionSnapshot {
    return {
      ...stateSnapshot(this.#state, anchorT),
      metrics: {
        decisions: this.#decisions,
        approved: this.#approved,
        blocksByRule: Object.fromEntries(this.#blocksByRule),
        overridesUsed: this.#overridesUsed,
        decays: this.#decays,
      },
    };
  }

  /**
   * Replaces the state and counters with a snapshot's, on a Panel where the
   * snapshot's day is `anchorT`; the rules (built from the same options) go on
   * as those that took it would have. The built-in rules keep everything in
   * the shared state; a custom rule that remembers something of its own (it
   * has a `reset`) is reset, not restored.
   */
  restore(snapshot: ProtectionSnapshot, anchorT: number): void {
    this.reset();
    restoreState(this.#state, snapshot, anchorT);
    const m = snapshot.metrics;
    this.#decisions = m.decisions;
    this.#approved = m.approved;
    this.#overridesUsed = m.overridesUsed;
    this.#decays = m.decays;
    for (const [rule, n] of Object.entries(m.blocksByRule)) this.#blocksByRule.set(rule, n);
  }

  /** Forgets every fact and counter (and each rule's own memory); keeps the rules. */
  reset(): void {
    this.#state.clear();
    for (const rule of this.#rules) rule.reset?.();
    this.#decisions =
      this.#approved =
      this.#overridesUsed =
      this.#decays =
        0;
    this.#blocksByRule.clear();
  }

  #decide(request: ProtectionRequest): Verdict {
    const context = this.#context;
    context.asset = this.#state.get(request.asset) ?? UNKNOWN_ASSET;
    let bypass: ReadonlySet<string> | undefined;
    let overrider = "";
    let overrideReason = "";
    let bypassed: string[] | undefined;
    for (const rule of this.#rules) {
      const outcome = rule.evaluate(request, context);
      switch (outcome.kind) {
        case "abstain":
          continue;
        case "override":
          if (bypass === undefined) {
            bypass = outcome.bypass;
            overrider = rule.name;
            overrideReason = outcome.reason;
          }
          continue;
        case "block":
          if (bypass !== undefined && bypass.has(rule.name)) {
            (bypassed ??= []).push(rule.name);
            continue;
          }
          return _verdict(
            request,
            false,
            rule.name,
            outcome.reason,
            undefined,
            overrider,
            bypassed,
          );
        case "approve":
          return _verdict(request, true, rule.name, outcome.reason, undefined, overrider, bypassed);
        case "modify":
          return _verdict(request, true, rule.name, outcome.reason, outcome, overrider, bypassed);
      }
    }
    if (bypassed !== undefined) {
      return _verdict(request, true, overrider, overrideReason, undefined, overrider, bypassed);
    }
    return _verdict(request, true, NO_RULE, NO_OBJECTION, undefined, overrider, undefined);
  }
}

function _verdict(
  request: ProtectionRequest,
  approved: boolean,
  rule: string,
  reason: string,
  modified: Modification | undefined,
  overrider: string,
  bypassed: string[] | undefined,
): Verdict {
  const { action, asset, t, date } = request;
  if (bypassed === undefined) {
    if (modified === undefined) {
      return { approved, action, asset, t, date, rule, reason, bypassed: NONE };
    }
    const modification = { size: modified.size };
    return { approved, action, asset, t, date, rule, reason, modification, bypassed: NONE };
  }
  const overriddenBy = overrider;
  if (modified === undefined) {
    return { approved, action, asset, t, date, rule, reason, overriddenBy, bypassed };
  }
  const modification = { size: modified.size };
  return { approved, action, asset, t, date, rule, reason, modification, overriddenBy, bypassed };
}
