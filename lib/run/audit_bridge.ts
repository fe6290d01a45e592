/**
 * The engine's day observer, writing the broker's activity into the audit
 * log: orders placed (in the session of the decision that placed them), fills
 * and rejections (joined to that session by order id), then the session ends.
 * Fills and placed orders go to the log as the broker made them
 * ({@link AuditLog.recordFills}, {@link AuditLog.recordOrdersPlaced}), with
 * no event object each.
 *
 * @module
 */
import type { AuditLog } from "../audit/audit_log.ts";
import type { BacktestObserver } from "../engine/types.ts";

/** An observer that records orders, fills and notes, and ends the day's session. */
export function auditObserver(log: AuditLog): BacktestObserver {
  return {
    dayEnded: (day) => {
      log.recordFills(day.date, day.fills);
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
      log.recordOrdersPlaced(day.date, day.placed);
      log.endSession();
    },
  };
}
