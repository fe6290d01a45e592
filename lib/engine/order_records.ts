/**
 * What the broker records about an order, for the run's result and the audit
 * log: the order as placed, each fill, and a note for each order that did not
 * fill in full (trimmed, rejected or expired), with the reason it gives.
 *
 * Every reason a note can give is written here, so a reader who meets one in
 * a result or the audit log finds where it comes from.
 *
 * @module
 */
import type { Fill, OrderNote, OrderOutcome, PlacedOrder } from "./types.ts";
import type { WorkingOrder } from "./working_order.ts";

/** The record of an order as submitted on `date`, the ISO date of its decision bar. */
export function placedOrderOf(o: WorkingOrder, ticker: string, date: string): PlacedOrder {
  // Two literals, not a spread of the optional reason: a spread costs more than the rest of submit.
  return o.reason === undefined
    ? { orderId: o.id, ticker, side: o.side, size: o.size, type: o.type, price: o.price, date }
    : {
      orderId: o.id,
      ticker,
      side: o.side,
      size: o.size,
      type: o.type,
      price: o.price,
      date,
      reason: o.reason,
    };
}

/** The record of `size` shares of `o` filled at `price` on `date`. */
export function fillOf(
  o: WorkingOrder,
  ticker: string,
  size: number,
  price: number,
  commission: number,
  placed: string,
  date: string,
): Fill {
  const fill: Fill = { orderId: o.id, ticker, side: o.side, size, price, commission, placed, date };
  return o.reason === undefined ? fill : { ...fill, reason: o.reason };
}

/** The note of an order that filled `filled` shares (0 unless trimmed) of its request on `date`. */
export function noteOf(
  o: WorkingOrder,
  ticker: string,
  filled: number,
  outcome: Exclude<OrderOutcome, "filled">,
  reason: string,
  date: string,
): OrderNote {
  return {
    orderId: o.id,
    ticker,
    side: o.side,
    requested: o.requested,
    filled,
    outcome,
    reason,
    date,
  };
}

/** Why an order expired: no bar of its asset, or its limit or stop not reached, within its days. */
export function expiryReason(o: WorkingOrder, ticker: string, noBar: boolean): string {
  const days = o.lastT - o.placedT;
  const span = `${days} day${days === 1 ? "" : "s"}`;
  if (noBar) return `no bar for ${ticker} within ${span}`;
  return `${o.type} ${o.price} not reached within ${span}`;
}

/** Why the buys of a rebalance were cut: one common `factor` to fit the cash. */
export function scaledToCashReason(factor: number): string {
  return `scaled by ${factor.toFixed(4)} to fit cash after a gap`;
}

/** Why a buy was rejected under `insufficientCash: "reject"`: `cash` short of its cost `need`. */
export function cashCannotCoverReason(cash: number, need: number): string {
  return `cash ${cash.toFixed(2)} cannot cover ${need.toFixed(2)}`;
}

/** Why a buy was rejected: not one share of `ticker` at `price`, commission included, fits `cash`. */
export function noShareFitsReason(cash: number, ticker: string, price: number): string {
  return `cash ${cash.toFixed(2)} cannot cover one share of ${ticker} at ${
    price.toFixed(2)
  } plus commission`;
}

/** Why a buy was trimmed: `cash` covers `n` of its `size` shares. */
export function cashCoversReason(cash: number, n: number, size: number): string {
  return `cash ${cash.toFixed(2)} covers ${n} of ${size}`;
}

/** Why a sell was rejected: nothing of `ticker` held (sells are long-only). */
export function nothingHeldReason(ticker: string): string {
  return `no shares of ${ticker} held`;
}

/** Why a sell was trimmed: only `held` shares of `ticker` held. */
export function onlyHeldReason(held: number, ticker: string): string {
  return `only ${held} shares of ${ticker} held`;
}

/** Why a sell was rejected: its commission `fee` exceeds the cash plus its proceeds. */
export function commissionExceedsReason(fee: number): string {
  return `commission ${fee.toFixed(2)} exceeds cash plus proceeds`;
}
