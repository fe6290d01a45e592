/**
 * What one rule says about one request. Rules build their outcomes once, at
 * construction, where they can (a constant reason per rule), so the approve path
 * allocates nothing.
 *
 * @module
 */

/** The rule has nothing to say: the next rule decides. */
export type Abstain = { readonly kind: "abstain" };
/** The rule approves and decides: lower-priority rules are not asked. */
export type Approve = { readonly kind: "approve"; readonly reason: string };
/** The rule blocks: the request is refused unless an override bypasses this rule. */
export type Block = { readonly kind: "block"; readonly reason: string };
/** The rule approves with a change of size (a grace decay) and decides. */
export type Modify = { readonly kind: "modify"; readonly size: number; readonly reason: string };
/**
 * The rule grants an override: blocks from the named lower-priority rules are
 * recorded as bypassed instead of refusing the request.
 */
export type Override = {
  readonly kind: "override";
  readonly reason: string;
  readonly bypass: ReadonlySet<string>;
};

/** Every outcome a rule can give. */
export type RuleOutcome = Abstain | Approve | Block | Modify | Override;

/** The one abstain outcome. */
export const ABSTAIN: Abstain = Object.freeze({ kind: "abstain" });

/** An approval that decides, with its reason. */
export function approve(reason: string): Approve {
  return { kind: "approve", reason };
}

/** A block with its reason. */
export function block(reason: string): Block {
  return { kind: "block", reason };
}

/** An approval with a new size. */
export function modify(size: number, reason: string): Modify {
  return { kind: "modify", size, reason };
}

/** An override that lets the named rules' blocks be bypassed. */
export function override(reason: string, bypass: Iterable<string>): Override {
  return { kind: "override", reason, bypass: new Set(bypass) };
}
