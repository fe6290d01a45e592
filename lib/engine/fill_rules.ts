/**
 * When an order triggers on a daily bar and at what price, before slippage.
 * The rules are backtrader's for daily bars (its BackBroker, no cheat-on-open):
 *
 * | order | triggers when | fills at |
 * | --- | --- | --- |
 * | market | the bar exists | open (or the decision bar's close with `fill: "close"`) |
 * | limit buy | low <= limit | min(open, limit) |
 * | limit sell | high >= limit | max(open, limit) |
 * | stop buy | high >= stop | max(open, stop) |
 * | stop sell | low <= stop | min(open, stop) |
 *
 * A bar that opens through the limit or stop fills at the open (a gap), otherwise
 * at the limit or stop price itself. Slippage then moves the price against the
 * trader; for limit orders it is capped at the limit (backtrader's `slip_limit`).
 *
 * @see https://www.backtrader.com/docu/order-creation-execution/order-creation-execution/
 * @module
 */
import type { OrderType, Side } from "./types.ts";

/** Raw fill price of an order on a bar, or NaN when it does not trigger. */
export function triggerPrice(
  type: OrderType,
  side: Side,
  price: number,
  open: number,
  high: number,
  low: number,
): number {
  switch (type) {
    case "market":
      return open;
    case "limit":
      if (side === "buy") return low <= price ? Math.min(open, price) : NaN;
      return high >= price ? Math.max(open, price) : NaN;
    case "stop":
      if (side === "buy") return high >= price ? Math.max(open, price) : NaN;
      return low <= price ? Math.min(open, price) : NaN;
  }
}

/**
 * The price after slippage: buys pay `bps` basis points more, sells receive
 * that much less. A limit order never fills worse than its limit.
 */
export function slippedPrice(
  raw: number,
  side: Side,
  bps: number,
  type: OrderType,
  limit: number,
): number {
  if (bps === 0) return raw;
  const factor = bps / 10_000;
  if (side === "buy") {
    const p = raw * (1 + factor);
    return type === "limit" ? Math.min(p, Math.max(raw, limit)) : p;
  }
  const p = raw * (1 - factor);
  return type === "limit" ? Math.max(p, Math.min(raw, limit)) : p;
}
