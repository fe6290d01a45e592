/**
 * Why each order of a plan is sent: the strategy's own reason where it gave
 * one; for the regime-aware strategy, the position change protection judged
 * (action, weights, deciding rule and its reason); for any other rebalance to
 * target weights, the weight it moves to.
 *
 * @module
 */
import type { PositionChange } from "../engine/stages/protect_positions.ts";
import type { PlacedOrder } from "../engine/types.ts";
import type { PlannedOrder } from "./ledger.ts";

/** What a day decided that explains its orders. */
export type OrderContext = {
  /** Target weights the day set (null: none). */
  readonly targets: Readonly<Record<string, number>> | null;
  /** Weights held at the decision close. */
  readonly weights: Readonly<Record<string, number>>;
  /** Position changes protection judged (regime-aware strategy). */
  readonly changes: readonly PositionChange[];
};

const _pct = (w: number) => `${(w * 100).toFixed(1)}%`;

/** The reason of one position change: `open 0.0% -> 15.0% (none: no protection rule objected)`. */
export function changeReason(change: PositionChange): string {
  const deciding = change.verdicts.at(-1);
  const moved = `${change.action} ${_pct(change.sizeBefore)} -> ${_pct(change.sizeAfter)}`;
  const asked = change.sizeAfter !== change.proposed ? `, proposed ${_pct(change.proposed)}` : "";
  return deciding === undefined
    ? `${moved}${asked}`
    : `${moved}${asked} (${deciding.rule}: ${deciding.reason})`;
}

/**
 * The orders a day placed, each with its reason (see the module doc).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { plannedOrders } from "./order_reasons.ts";
 *
 * const placed = [{ orderId: 3, ticker: "SPY", side: "buy", size: 10, type: "market", price: NaN, date: "2020-01-02" }] as const;
 * const [order] = plannedOrders(placed, { targets: { SPY: 0.5 }, weights: { SPY: 0.2 }, changes: [] });
 * assert.equal(order?.reason, "rebalance to target 50.0% (held 20.0%)");
 * assert.equal(order?.price, null);
 * ```
 */
export function plannedOrders(
  placed: readonly PlacedOrder[],
  context: OrderContext,
): PlannedOrder[] {
  const byTicker = new Map(context.changes.map((c) => [c.ticker, c]));
  return placed.map((o) => {
    const change = byTicker.get(o.ticker);
    const target = context.targets?.[o.ticker] ?? 0;
    const held = context.weights[o.ticker] ?? 0;
    const reason = o.reason ??
      (change !== undefined
        ? changeReason(change)
        : context.targets !== null
        ? `rebalance to target ${_pct(target)} (held ${_pct(held)})`
        : "strategy order");
    return {
      orderId: o.orderId,
      ticker: o.ticker,
      side: o.side,
      size: o.size,
      type: o.type,
      price: Number.isFinite(o.price) ? o.price : null,
      reason,
    };
  });
}
