/**
 * What the rebalancer asks the protection rules: may this position change happen now?
 *
 * Design decision: time is an integer day clock `t` (the engine passes the
 * trading-day index on the Panel's calendar), so every window in days counts
 * trading days and compares integers; the ISO `date` only travels into the
 * verdict for the audit log. The seed measured windows in calendar days: pass
 * calendar day numbers (`parseIsoDay`) as `t` to get that behaviour. Intraday
 * callers add `timeMs` for the rules measured in hours.
 *
 * @module
 */

/** The position changes the orchestrator judges. */
export type ProtectionAction = "open" | "close" | "adjust" | "decay";

/** Every action, in a fixed order (status reports and tests iterate it). */
export const PROTECTION_ACTIONS: readonly ProtectionAction[] = ["open", "close", "adjust", "decay"];

/**
 * One request to change a position. `decay` is the daily question the
 * rebalancer asks for a position in grace: "to what size?".
 */
export type ProtectionRequest = {
  readonly asset: string;
  readonly action: ProtectionAction;
  /** Day clock of the decision (trading-day index); every window in days counts in it. */
  readonly t: number;
  /** ISO date (`YYYY-MM-DD`) of day `t`, carried into the verdict. */
  readonly date: string;
  /** Epoch milliseconds of the decision bar; needed only by rules measured in hours. */
  readonly timeMs?: number;
};
