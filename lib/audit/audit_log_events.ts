/**
 * The events the audit log builds itself rather than receives: the
 * `order_filled` and `order_placed` events of the broker's fills and orders
 * (for a sink that takes them one at a time, or one a group cannot hold), and
 * the records of a run's start, finish and failure and of a session's start.
 *
 * @module
 */
import type { EventRecord, RecordContext } from "./event_record.ts";
import { EVENT_TYPES, type Metadata, type OrderFilled, type OrderPlaced } from "./events.ts";
import type { BrokerFill, BrokerOrder } from "./order_group.ts";

/** The events the log records of its own accord, not through {@link AuditLog.record}. */
export type LifecycleEventName = "RunStarted" | "RunFinished" | "RunFailed" | "SessionStarted";

/** The `OrderFilled` event of a broker's fill on day `asOf`. */
export function orderFilledEvent(asOf: string, fill: BrokerFill): OrderFilled {
  return {
    type: "OrderFilled",
    asOf,
    asset: fill.ticker,
    orderId: fill.orderId,
    side: fill.side,
    shares: fill.size,
    price: fill.price,
    commission: fill.commission,
  };
}

/** The `OrderPlaced` event of an order the broker took on day `asOf` (a price only where it is finite). */
export function orderPlacedEvent(asOf: string, order: BrokerOrder): OrderPlaced {
  const placed: { -readonly [K in keyof OrderPlaced]: OrderPlaced[K] } = {
    type: "OrderPlaced",
    asOf,
    asset: order.ticker,
    orderId: order.orderId,
    side: order.side,
    shares: order.size,
    orderType: order.type,
  };
  if (Number.isFinite(order.price)) placed.price = order.price;
  if (order.reason !== undefined) placed.reason = order.reason;
  return placed;
}

/** The record of a lifecycle event: no asset or scores, the action, reason and metadata given. */
export function lifecycleRecord(
  name: LifecycleEventName,
  context: RecordContext,
  asOfMs: number,
  action: string,
  reason: string | null,
  metadata: Metadata | null,
): EventRecord {
  return {
    runId: context.runId,
    sessionSeq: context.sessionSeq,
    traceId: context.traceId,
    eventType: EVENT_TYPES[name].eventType,
    category: EVENT_TYPES[name].category,
    asset: null,
    action,
    reason,
    scoreBefore: null,
    scoreAfter: null,
    sizeBefore: null,
    sizeAfter: null,
    metadata,
    executionTimeMs: null,
    asOfMs,
    recordedAt: context.recordedAt,
    regime: context.regime,
  };
}
