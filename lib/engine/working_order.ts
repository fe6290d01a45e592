/**
 * The broker's record of an order it holds.
 *
 * @module
 */
import type { OrderType, Side } from "./types.ts";

/**
 * An order the broker holds until it fills, expires or is cancelled.
 * Design decision: order records are pooled and reused once an order leaves
 * the book, because a rebalance of hundreds of assets a month would otherwise
 * allocate (and collect) one object per order; nothing outside the broker
 * keeps a reference to one.
 */
export type WorkingOrder = {
  id: number;
  asset: number;
  side: Side;
  type: OrderType;
  requested: number;
  size: number;
  /** Limit or stop price (NaN for market orders). */
  price: number;
  placedT: number;
  /** Last day index on which the order may fill (Infinity: until filled). */
  lastT: number;
  /** Rebalance group (0: a plain order). */
  group: number;
  /** Raw fill price on the current pass (scratch). */
  raw: number;
  reason: string | undefined;
};

/** A record to fill in (the broker reuses released ones before asking for a new one). */
export function blankOrder(): WorkingOrder {
  return {
    id: 0,
    asset: 0,
    side: "buy",
    type: "market",
    requested: 0,
    size: 0,
    price: NaN,
    placedT: 0,
    lastT: 0,
    group: 0,
    raw: NaN,
    reason: undefined,
  };
}
