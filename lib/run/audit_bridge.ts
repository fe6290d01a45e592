/**
 * The engine's day observer, writing the broker's activity into the audit
 * log: orders placed (in the session of the decision that placed them), fills
 * and rejections (joined to that session by order id), then the session ends.
 *
 * @module
 */
import type { AuditLog } from "../audit/audit_log.ts";
import type { OrderPlaced } from "../audit/events.ts";
import type { BacktestObserver } from "../engine/types.ts";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An observer that records orders, fills and notes, and ends the day's session. */
export function auditObserver(log: AuditLog): BacktestObserver {
  return {
    dayEnded: (day) => {
      for (const f of day.fills) {
        log.record({
          type: "OrderFilled",
          asOf: day.date,
          asset: f.ticker,
          orderId: f.orderId,
          side: f.side,
          shares: f.size,
          price: f.price,
          commission: f.commission,
        });
      }
      for (const n of day.notes) {
        log.record({
          type: "OrderRejected",
          asOf: day.date,
          asset: n.ticker,
          orderId: n.orderId,
          side: n.side,
          shares: n.requested,
          filled: n.filled,
          outcome: n.outcome,
          reason: n.reason,
        });
      }
      for (const o of day.placed) {
        // Built in place: spreading the optional fields in cost more than the rest of recording.
        const placed: Mutable<OrderPlaced> = {
          type: "OrderPlaced",
          asOf: day.date,
          asset: o.ticker,
          orderId: o.orderId,
          side: o.side,
          shares: o.size,
          orderType: o.type,
        };
        if (Number.isFinite(o.price)) placed.price = o.price;
        if (o.reason !== undefined) placed.reason = o.reason;
        log.record(placed);
      }
      log.endSession();
    },
  };
}
