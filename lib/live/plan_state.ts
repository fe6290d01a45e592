/**
 * What a paper portfolio carries from one planned day to the next: the
 * broker's account (cash, shares, lots, working orders), the rebalance groups
 * used, the strategy's own memory, the protection rules' state and counters,
 * and where its audit log stands. Saved after every planned day; the next day
 * restores it onto that day's Panel and goes on exactly as one backtest would.
 *
 * @see ../engine/broker_state.ts for the broker's part and why it is keyed by ticker and date
 * @see ../protection/protection_snapshot.ts for the protection part and its relative day indices
 * @module
 */
import type { AuditLogState } from "../audit/audit_log.ts";
import { type BrokerState, freshBrokerState } from "../engine/broker_state.ts";
import type { JsonValue } from "../protection/rule.ts";
import type { ProtectionSnapshot } from "../protection/protection_snapshot.ts";

/** The state of a paper portfolio at the close of a planned day (or at its creation). */
export type PlanState = {
  /** The day whose close this state is at; null before the first planned day. */
  readonly date: string | null;
  readonly broker: BrokerState;
  /** Rebalance groups used so far (each target-weight decision opens one). */
  readonly rebalanceGroups: number;
  /** The strategy's `saveState()`; null when it keeps nothing between days. */
  readonly strategy: JsonValue;
  /** The protection orchestrator's snapshot taken on `date` (regime-aware strategy only). */
  readonly protection: ProtectionSnapshot | null;
  /** Where the portfolio's audit log stands; null before a plan recorded one. */
  readonly audit: PlanAudit | null;
};

/** The portfolio's audit run: which store holds it, its id, and where its log stands. */
export type PlanAudit = {
  /** The store (a SQLite path or `postgres schema NAME`); another store starts a new run. */
  readonly target: string;
  readonly runId: string;
  readonly log: AuditLogState;
};

/** The state of a portfolio just created with `cash`: nothing planned, nothing held. */
export function initialPlanState(cash: number): PlanState {
  return {
    date: null,
    broker: freshBrokerState(cash),
    rebalanceGroups: 0,
    strategy: null,
    protection: null,
    audit: null,
  };
}
