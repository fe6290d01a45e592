/**
 * The ledger's tables and how records map to their rows, shared by the SQLite
 * and PostgreSQL stores: every table has a `portfolio` column, numbers are
 * float64 (SQLite REAL, PostgreSQL double precision: exact), flags are 0/1
 * integers and structured values (config, state, plan, benchmark closes) are
 * JSON text, which round-trips every finite number exactly.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { Fill, OrderNote, Trade } from "../engine/types.ts";
import type {
  ConfigChange,
  DayFigures,
  LedgerContents,
  LedgerHolding,
  PlanDay,
  PortfolioRecord,
  ProtectionDecision,
  StoredPlan,
} from "./ledger.ts";
import type { PlanState } from "./plan_state.ts";

/** A row as the stores write and read it. */
export type Row = Record<string, string | number | null>;

/**
 * Columns of each table, in order. Keys: `portfolios` by name, `days` by
 * (portfolio, date), `plans` by (portfolio, date, attempt), `config_changes`
 * by (portfolio, seq), the other day tables by (portfolio, date, seq), `seq`
 * keeping the order the day produced them in (fills: sells before buys).
 */
export const LEDGER_TABLES = {
  portfolios: [
    "name",
    "inception",
    "cash",
    "config",
    "config_hash",
    "created_at",
    "code_version",
    "initial_state",
  ],
  days: [
    "portfolio",
    "date",
    "value",
    "cash",
    "exposure",
    "turnover",
    "benchmark",
    "state",
    "recorded_at",
  ],
  holdings: ["portfolio", "date", "seq", "ticker", "shares", "price", "value", "weight"],
  fills: [
    "portfolio",
    "date",
    "seq",
    "order_id",
    "ticker",
    "side",
    "size",
    "price",
    "commission",
    "placed",
    "reason",
  ],
  order_notes: [
    "portfolio",
    "date",
    "seq",
    "order_id",
    "ticker",
    "side",
    "requested",
    "filled",
    "outcome",
    "reason",
  ],
  trades: [
    "portfolio",
    "date",
    "seq",
    "ticker",
    "entry_date",
    "exit_date",
    "entry_price",
    "exit_price",
    "size",
    "pnl",
    "return_pct",
    "days_held",
    "commission",
  ],
  decisions: [
    "portfolio",
    "date",
    "seq",
    "asset",
    "action",
    "approved",
    "rule",
    "reason",
    "size",
    "overridden_by",
    "bypassed",
  ],
  plans: ["portfolio", "date", "attempt", "superseded", "recorded_at", "plan"],
  config_changes: [
    "portfolio",
    "seq",
    "date",
    "recorded_at",
    "from_hash",
    "to_hash",
    "changes",
    "config",
  ],
} as const;

/** A ledger table's name. */
export type LedgerTable = keyof typeof LEDGER_TABLES;

/** Each table's primary key, which is also the order rows are read in. */
export const LEDGER_KEYS: Readonly<Record<LedgerTable, string>> = {
  portfolios: "name",
  days: "portfolio, date",
  holdings: "portfolio, date, seq",
  fills: "portfolio, date, seq",
  order_notes: "portfolio, date, seq",
  trades: "portfolio, date, seq",
  decisions: "portfolio, date, seq",
  plans: "portfolio, date, attempt",
  config_changes: "portfolio, seq",
};

/** Columns holding whole numbers (the stores' integer type); numbers elsewhere are float64. */
export const INTEGER_COLUMNS: ReadonlySet<string> = new Set([
  "seq",
  "order_id",
  "attempt",
  "superseded",
  "approved",
  "days_held",
]);

/** Tables holding one planned day's rows (what a replan removes). */
export const DAY_TABLES = [
  "days",
  "holdings",
  "fills",
  "order_notes",
  "trades",
  "decisions",
] as const;

/** The `portfolios` row of a new portfolio. */
export function portfolioRow(p: PortfolioRecord, initial: PlanState): Row {
  return {
    name: p.name,
    inception: p.inception,
    cash: p.cash,
    config: JSON.stringify(p.config),
    config_hash: p.configHash,
    created_at: p.createdAt,
    code_version: p.codeVersion,
    initial_state: JSON.stringify(initial),
  };
}

/** The record of a `portfolios` row. */
export function portfolioOf(row: Row): PortfolioRecord {
  return {
    name: String(row.name),
    inception: String(row.inception),
    cash: Number(row.cash),
    config: JSON.parse(String(row.config)) as Config,
    configHash: String(row.config_hash),
    createdAt: String(row.created_at),
    codeVersion: String(row.code_version),
  };
}

/** Every row one planned day writes, by table; `attempt` numbers the day's plan. */
export function dayRows(
  portfolio: string,
  day: PlanDay,
  recordedAt: string,
  attempt: number,
): Readonly<Record<Exclude<LedgerTable, "portfolios" | "config_changes">, Row[]>> {
  const base = { portfolio, date: day.date };
  return {
    days: [{
      ...base,
      value: day.value,
      cash: day.cash,
      exposure: day.exposure,
      turnover: day.turnover,
      benchmark: JSON.stringify(day.benchmark),
      state: JSON.stringify(day.state),
      recorded_at: recordedAt,
    }],
    holdings: day.holdings.map((h, seq) => ({ ...base, seq, ...h })),
    fills: day.fills.map((f, seq) => ({
      ...base,
      seq,
      order_id: f.orderId,
      ticker: f.ticker,
      side: f.side,
      size: f.size,
      price: f.price,
      commission: f.commission,
      placed: f.placed,
      reason: f.reason ?? null,
    })),
    order_notes: day.notes.map((n, seq) => ({
      ...base,
      seq,
      order_id: n.orderId,
      ticker: n.ticker,
      side: n.side,
      requested: n.requested,
      filled: n.filled,
      outcome: n.outcome,
      reason: n.reason,
    })),
    trades: day.trades.map((t, seq) => ({
      ...base,
      seq,
      ticker: t.ticker,
      entry_date: t.entryDate,
      exit_date: t.exitDate,
      entry_price: t.entryPrice,
      exit_price: t.exitPrice,
      size: t.size,
      pnl: t.pnl,
      return_pct: t.returnPct,
      days_held: t.daysHeld,
      commission: t.commission,
    })),
    decisions: day.decisions.map((d, seq) => ({
      ...base,
      seq,
      asset: d.asset,
      action: d.action,
      approved: d.approved ? 1 : 0,
      rule: d.rule,
      reason: d.reason,
      size: d.size,
      overridden_by: d.overriddenBy,
      bypassed: JSON.stringify(d.bypassed),
    })),
    plans: [{
      ...base,
      attempt,
      superseded: 0,
      recorded_at: recordedAt,
      plan: JSON.stringify(day.plan),
    }],
  };
}

/** The `config_changes` row of an accepted change (`seq` numbers them). */
export function configChangeRow(portfolio: string, change: ConfigChange, seq: number): Row {
  return {
    portfolio,
    seq,
    date: change.date,
    recorded_at: change.recordedAt,
    from_hash: change.fromHash,
    to_hash: change.toHash,
    changes: JSON.stringify(change.changes),
    config: JSON.stringify(change.config),
  };
}

/** The rows of every table for one portfolio, each in key order, as the stores read them. */
export type TableRows = { readonly [T in LedgerTable]: readonly Row[] };

const _num = (v: unknown) => Number(v);
const _str = (v: unknown) => String(v);

/** The contents of a ledger from its rows (`state` is the last day's, or the initial one). */
export function contentsOf(rows: TableRows): LedgerContents {
  const p = rows.portfolios[0] as Row;
  const last = rows.days.at(-1);
  const days: DayFigures[] = rows.days.map((r) => ({
    date: _str(r.date),
    value: _num(r.value),
    cash: _num(r.cash),
    exposure: _num(r.exposure),
    turnover: _num(r.turnover),
    benchmark: JSON.parse(_str(r.benchmark)),
  }));
  const holdings: LedgerHolding[] = rows.holdings.filter((r) => r.date === last?.date).map((r) => ({
    ticker: _str(r.ticker),
    shares: _num(r.shares),
    price: _num(r.price),
    value: _num(r.value),
    weight: _num(r.weight),
  }));
  return {
    portfolio: portfolioOf(p),
    days,
    holdings,
    fills: rows.fills.map(_fill),
    notes: rows.order_notes.map(_note),
    trades: rows.trades.map(_trade),
    decisions: rows.decisions.map(_decision),
    plans: rows.plans.map((r): StoredPlan => ({
      ...JSON.parse(_str(r.plan)),
      attempt: _num(r.attempt),
      superseded: _num(r.superseded) === 1,
      recordedAt: _str(r.recorded_at),
    })),
    configChanges: rows.config_changes.map((r) => ({
      date: _str(r.date),
      recordedAt: _str(r.recorded_at),
      fromHash: _str(r.from_hash),
      toHash: _str(r.to_hash),
      changes: JSON.parse(_str(r.changes)),
    })),
    state: JSON.parse(_str(last ? last.state : p.initial_state)) as PlanState,
  };
}

function _fill(r: Row): Fill {
  const fill: Fill = {
    orderId: _num(r.order_id),
    ticker: _str(r.ticker),
    side: r.side as Fill["side"],
    size: _num(r.size),
    price: _num(r.price),
    commission: _num(r.commission),
    placed: _str(r.placed),
    date: _str(r.date),
  };
  return r.reason === null ? fill : { ...fill, reason: _str(r.reason) };
}

function _note(r: Row): OrderNote {
  return {
    orderId: _num(r.order_id),
    ticker: _str(r.ticker),
    side: r.side as OrderNote["side"],
    requested: _num(r.requested),
    filled: _num(r.filled),
    outcome: r.outcome as OrderNote["outcome"],
    reason: _str(r.reason),
    date: _str(r.date),
  };
}

function _trade(r: Row): Trade {
  return {
    ticker: _str(r.ticker),
    entryDate: _str(r.entry_date),
    exitDate: _str(r.exit_date),
    entryPrice: _num(r.entry_price),
    exitPrice: _num(r.exit_price),
    size: _num(r.size),
    pnl: _num(r.pnl),
    returnPct: _num(r.return_pct),
    daysHeld: _num(r.days_held),
    commission: _num(r.commission),
  };
}

function _decision(r: Row): ProtectionDecision {
  return {
    date: _str(r.date),
    asset: _str(r.asset),
    action: _str(r.action),
    approved: _num(r.approved) === 1,
    rule: _str(r.rule),
    reason: _str(r.reason),
    size: r.size === null ? null : _num(r.size),
    overriddenBy: r.overridden_by === null ? null : _str(r.overridden_by),
    bypassed: JSON.parse(_str(r.bypassed)),
  };
}
