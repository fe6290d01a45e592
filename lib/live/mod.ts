/**
 * Daily use: paper portfolios planned one trading day at a time with the
 * backtest's own day loop and decision stages, kept in a ledger (SQLite or
 * PostgreSQL) with their holdings, cash, protection state, plans and fills.
 *
 * @module
 */
export * from "./plan_state.ts";
export * from "./ledger.ts";
export * from "./config_change.ts";
export * from "./market_days.ts";
export * from "./order_reasons.ts";
export * from "./create_portfolio.ts";
export * from "./plan_days.ts";
export * from "./plan_portfolio.ts";
export * from "./portfolio_audit.ts";
export * from "./open_ledger.ts";
export {
  createSqliteLedger,
  LEDGER_APPLICATION_ID,
  openSqliteLedger,
  sqliteLedgerPath,
} from "./sqlite_ledger.ts";
export * from "./portfolio_status.ts";
export * from "./plan_text.ts";
