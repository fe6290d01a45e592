/**
 * A small hand-checkable run for the query tests of both stores.
 *
 * @module
 */
import { AuditLog } from "../audit_log.ts";
import type { EventSink } from "../event_sink.ts";

/** The wall clock the scenario records with. */
export const T0 = 1_700_000_000_000;

/** Two sessions in March 2021 and one in April; AAPL opens on 03-01 and fills on 03-02. */
export async function scenario(store: EventSink, configHash = "c1"): Promise<AuditLog> {
  const log = await AuditLog.start(store, {
    configHash,
    dataHash: "d1",
    codeVersion: "test",
    asOf: "2021-03-01",
    clock: () => T0,
  });
  let asOf = "2021-03-01";
  log.beginSession({ asOf });
  log.record({ type: "RegimeDetected", asOf, regime: "Goldilocks", confidence: 0.85 });
  log.record({
    type: "ScanCompleted",
    asOf,
    asset: "AAPL",
    condition: "trending",
    confidence: 0.78,
  });
  log.record({ type: "AssetScored", asOf, asset: "AAPL", score: 0.86 });
  log.record({ type: "AssetScored", asOf, asset: "MSFT", score: 0.4 });
  log.record({
    type: "ActionApproved",
    asOf,
    asset: "AAPL",
    action: "open",
    rule: "holding_period",
    reason: "no holding",
    executionTimeMs: 1,
  });
  log.record({
    type: "ActionBlocked",
    asOf,
    asset: "MSFT",
    action: "close",
    rule: "grace_period",
    reason: "in grace",
    executionTimeMs: 3,
  });
  log.record({
    type: "PositionOpened",
    asOf,
    asset: "AAPL",
    sizeAfter: 0.12,
    scoreAfter: 0.86,
    reason: "score 0.86 > 0.65",
  });
  log.record({ type: "OrderPlaced", asOf, asset: "AAPL", orderId: 1, side: "buy", shares: 100 });
  asOf = "2021-03-02";
  log.beginSession({ asOf });
  log.record({ type: "RegimeDetected", asOf, regime: "Goldilocks", confidence: 0.8 });
  log.record({
    type: "OrderFilled",
    asOf,
    asset: "AAPL",
    orderId: 1,
    side: "buy",
    shares: 100,
    price: 120.5,
    commission: 1,
  });
  log.record({ type: "AssetScored", asOf, asset: "AAPL", score: 0.9 });
  asOf = "2021-04-15";
  log.beginSession({ asOf });
  log.record({ type: "RegimeDetected", asOf, regime: "Deflation", confidence: 0.7 });
  log.record({ type: "AssetScored", asOf, asset: "AAPL", score: 0.5 });
  await log.finish();
  return log;
}
