/**
 * The orchestrator's answer to one request: a plain, JSON-serialisable object,
 * ready for the audit log as it is.
 *
 * @module
 */
import type { ProtectionAction } from "./request.ts";

/** A change the deciding rule made to the request (a grace decay sets the new size). */
export type Modification = { readonly size: number };

/** Name recorded as the deciding rule when no rule objected and none decided. */
export const NO_RULE = "none";

/** The decision on one request. */
export type Verdict = {
  readonly approved: boolean;
  readonly action: ProtectionAction;
  readonly asset: string;
  readonly t: number;
  readonly date: string;
  /** The deciding rule: the blocking rule, the rule that approved or modified, the overriding rule, or {@link NO_RULE}. */
  readonly rule: string;
  readonly reason: string;
  /** Present when the deciding rule changed the size. */
  readonly modification?: Modification;
  /** Present when an override bypassed at least one block: the rule that granted it. */
  readonly overriddenBy?: string;
  /** Rules whose blocks were bypassed by the override, in priority order (often empty). */
  readonly bypassed: readonly string[];
};

/** Counters over every verdict since construction or the last reset. */
export type ProtectionMetrics = {
  readonly decisions: number;
  readonly approved: number;
  readonly blocked: number;
  /** approved / decisions (0 before the first decision). */
  readonly approvalRate: number;
  /** Blocked verdicts by deciding rule. */
  readonly blocksByRule: { readonly [rule: string]: number };
  /** Verdicts where an override bypassed at least one block. */
  readonly overridesUsed: number;
  /** Approved verdicts that carried a decayed size. */
  readonly decays: number;
};
