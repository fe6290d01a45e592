/**
 * The audit trail: typed events in the past tense, the {@link AuditLog} writer
 * with deterministic run and trace ids, event sinks (SQLite by default, written
 * on the caller's thread or from a worker; PostgreSQL for shared stores; memory
 * and none), and the investigation queries (timeline, why, sessions, health,
 * read-only SQL) that `deno task audit` prints.
 *
 * @example Record a rebalance and ask why AAPL was opened
 * ```ts
 * import assert from "node:assert/strict";
 * import { AuditLog, SqliteEventStore } from "./mod.ts";
 *
 * const store = SqliteEventStore.open(":memory:");
 * const log = await AuditLog.start(store, {
 *   configHash: "c1", dataHash: "d1", codeVersion: "example", asOf: "2021-03-01",
 * });
 * const asOf = "2021-03-01";
 * const trace = log.beginSession({ asOf, kind: "rebalance" });
 * log.record({ type: "RegimeDetected", asOf, regime: "Goldilocks", confidence: 0.85 });
 * log.record({ type: "AssetScored", asOf, asset: "AAPL", score: 0.857 });
 * log.record({ type: "ActionApproved", asOf, asset: "AAPL", action: "open", rule: "whipsaw_protection", reason: "no recent cycle" });
 * log.record({ type: "PositionOpened", asOf, asset: "AAPL", sizeAfter: 0.12, reason: "High score asset: 0.857 > 0.65 threshold" });
 * log.record({ type: "OrderPlaced", asOf, asset: "AAPL", orderId: 1, side: "buy", shares: 100 });
 * log.record({ type: "OrderFilled", asOf: "2021-03-02", asset: "AAPL", orderId: 1, side: "buy", shares: 100, price: 120.5, commission: 1 });
 * await log.finish();
 *
 * const reader = store.reader();
 * const [session] = reader.why("AAPL", "2021-03-01").sessions;
 * assert.equal(session?.traceId, trace);
 * assert.deepEqual(session?.events.map((e) => e.eventType), [
 *   "session_start", "regime_detected", "asset_scored", "protection_approved",
 *   "position_open", "order_placed", "order_filled",
 * ]);
 * assert.equal(reader.timeline("AAPL", { days: 30 }).length, 5);
 * await store.close();
 * ```
 *
 * @module
 */
export * from "./events.ts";
export * from "./event_record.ts";
export * from "./event_sink.ts";
export * from "./ids.ts";
export * from "./audit_log.ts";
export * from "./query_types.ts";
export * from "./read_only_sql.ts";
export { APPLICATION_ID, SCHEMA_VERSION, type WriteOptions } from "./sqlite_schema.ts";
export type { BrokerFill, BrokerOrder, OrderGroup, OrderGroupContext } from "./order_group.ts";
export * from "./sqlite_store.ts";
export type { PackedBatch } from "./packed_batch.ts";
export { SqliteAuditReader } from "./sqlite_reader.ts";
export { SqliteWorkerStore, type SqliteWorkerStoreOptions } from "./sqlite_worker_store.ts";
export { PostgresEventStore, type PostgresStoreOptions } from "./postgres_store.ts";
export { PostgresAuditReader } from "./postgres_reader.ts";
export type { PgClient } from "./postgres_schema.ts";
export * from "./store_config.ts";
export * from "./database_url.ts";
