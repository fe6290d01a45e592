/**
 * The paper ledger's contract and records: a portfolio (its config, inception
 * and cash), and for every planned day its value, holdings, fills, trades,
 * protection decisions, the plan (targets and orders for the next open, with
 * reasons) and the state the next day starts from; every plan ever made,
 * replaced ones included; and every accepted change of config.
 *
 * Two stores implement it: SQLite, one file per portfolio under
 * `ledger.dir` (sqlite_ledger.ts, the default), and PostgreSQL, one schema
 * for all portfolios (postgres_ledger.ts). Writes go through
 * {@link PortfolioLedger.write}: one transaction that holds the portfolio's
 * lock from the first read to the commit, so a plan killed at any point
 * leaves the ledger as it was, and a second plan of the same portfolio fails
 * at once instead of waiting.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { Fill, OrderNote, Side, Trade } from "../engine/types.ts";
import type { PlanState } from "./plan_state.ts";
import { InputError } from "../errors.ts";

/** The version of the ledger layout this code writes; a ledger of a newer one is refused. */
export const LEDGER_VERSION = 1;

/** A paper portfolio as created. */
export type PortfolioRecord = {
  readonly name: string;
  /** The first day the portfolio plans (ISO). */
  readonly inception: string;
  /** Starting cash. */
  readonly cash: number;
  /** The effective config it plans with (the latest accepted). */
  readonly config: Config;
  /** Hash of `config`'s decision settings (see config_change.ts). */
  readonly configHash: string;
  /** Wall clock of the creation (ISO); never used in decisions. */
  readonly createdAt: string;
  readonly codeVersion: string;
};

/** One order of a plan, to be sent for the next open, with why. */
export type PlannedOrder = {
  readonly orderId: number;
  readonly ticker: string;
  readonly side: Side;
  readonly size: number;
  readonly type: "market" | "limit" | "stop";
  /** Limit or stop price; null for market orders. */
  readonly price: number | null;
  readonly reason: string;
};

/** What the strategy decided on one planned day. */
export type DayPlan = {
  readonly date: string;
  /** Regime of the day (regime-aware strategy), else null. */
  readonly regime: string | null;
  /** `rebalance` (targets set), `decay` (grace decays only), `orders` (orders only) or `hold` (nothing). */
  readonly kind: "rebalance" | "decay" | "orders" | "hold";
  /** Target weights by ticker, when the strategy set them. */
  readonly targets: Readonly<Record<string, number>> | null;
  readonly orders: readonly PlannedOrder[];
  /** Why a rebalance was skipped, when it was. */
  readonly skipped: string | null;
};

/** One protection verdict of a planned day. */
export type ProtectionDecision = {
  readonly date: string;
  readonly asset: string;
  readonly action: string;
  readonly approved: boolean;
  readonly rule: string;
  readonly reason: string;
  /** The size a modification set (a grace decay), else null. */
  readonly size: number | null;
  readonly overriddenBy: string | null;
  readonly bypassed: readonly string[];
};

/** A holding at a planned day's close. */
export type LedgerHolding = {
  readonly ticker: string;
  readonly shares: number;
  readonly price: number;
  readonly value: number;
  readonly weight: number;
};

/** The account at a planned day's close. */
export type DayFigures = {
  readonly date: string;
  readonly value: number;
  readonly cash: number;
  readonly exposure: number;
  readonly turnover: number;
  /** Close of each benchmark ticker that day (null without a bar). */
  readonly benchmark: Readonly<Record<string, number | null>>;
};

/** Everything one planned day writes. */
export type PlanDay = DayFigures & {
  readonly holdings: readonly LedgerHolding[];
  readonly fills: readonly Fill[];
  readonly notes: readonly OrderNote[];
  readonly trades: readonly Trade[];
  readonly decisions: readonly ProtectionDecision[];
  readonly plan: DayPlan;
  /** The state at this day's close: where the next day starts. */
  readonly state: PlanState;
};

/** An accepted change of config (`--accept-config-change`). */
export type ConfigChange = {
  /** The first day planned with the new config. */
  readonly date: string;
  readonly recordedAt: string;
  readonly fromHash: string;
  readonly toHash: string;
  /** The settings that changed, `path: old -> new`. */
  readonly changes: readonly string[];
  readonly config: Config;
};

/** A plan as kept in the ledger: every attempt, replaced ones marked. */
export type StoredPlan = DayPlan & {
  readonly attempt: number;
  readonly superseded: boolean;
  readonly recordedAt: string;
};

/** What a ledger holds about one portfolio, for status, notebooks and tests. */
export type LedgerContents = {
  readonly portfolio: PortfolioRecord;
  /** Planned days, oldest first. */
  readonly days: readonly DayFigures[];
  /** Holdings at the last planned day's close. */
  readonly holdings: readonly LedgerHolding[];
  readonly fills: readonly Fill[];
  readonly notes: readonly OrderNote[];
  readonly trades: readonly Trade[];
  readonly decisions: readonly ProtectionDecision[];
  readonly plans: readonly StoredPlan[];
  readonly configChanges: readonly Omit<ConfigChange, "config">[];
  /** The state at the last planned day's close (or at creation). */
  readonly state: PlanState;
};

/** The writes and locked reads of one plan (see {@link PortfolioLedger.write}). */
export interface LedgerTransaction {
  /** The portfolio record. */
  portfolio(): Promise<PortfolioRecord>;
  /** The last planned day, or undefined before the first. */
  lastDay(): Promise<string | undefined>;
  /** The state at the close of the last planned day before `date`, or the state at creation. */
  stateBefore(date: string): Promise<PlanState>;
  /** The state at the close of the last planned day, or the state at creation. */
  lastState(): Promise<PlanState>;
  /** Removes a planned day (to plan it again); its plan stays in the ledger, marked replaced. */
  removeDay(date: string): Promise<void>;
  /** Writes one planned day. */
  addDay(day: PlanDay, recordedAt: string): Promise<void>;
  /** Records an accepted change of config and makes it the portfolio's. */
  changeConfig(change: ConfigChange): Promise<void>;
}

/** One portfolio's ledger, open. */
export interface PortfolioLedger {
  /** The portfolio's name. */
  readonly name: string;
  /** Where it is, for messages: a file path or `postgres schema NAME`. */
  readonly location: string;
  /** Everything the ledger holds about the portfolio (no lock taken). */
  read(): Promise<LedgerContents>;
  /**
   * Runs `work` in one transaction holding the portfolio's lock: committed
   * when `work` resolves, rolled back when it throws. An InputError when
   * another process holds the lock.
   */
  write<T>(work: (tx: LedgerTransaction) => Promise<T>): Promise<T>;
  /** Releases the store. */
  close(): Promise<void>;
}

/** A portfolio name: letters, digits, `-` and `_`, starting with a letter or digit, at most 64. */
export const PORTFOLIO_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Returns `name` if it is a {@link PORTFOLIO_NAME}, else throws an InputError naming the flag. */
export function checkPortfolioName(name: string): string {
  if (!PORTFOLIO_NAME.test(name)) {
    throw new InputError(
      `--portfolio "${name}": a portfolio name is letters, digits, - and _ (at most 64, starting with a letter or digit)`,
    );
  }
  return name;
}
