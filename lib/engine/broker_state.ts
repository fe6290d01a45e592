/**
 * The broker's state between two days, as plain JSON: what a daily plan saves
 * after one day and restores before the next, so that the next day fills,
 * values and trades exactly as the same day of one backtest would.
 *
 * Design decision: assets are named by ticker and days by ISO date, never by
 * Panel index, so a state restores onto any Panel that holds its tickers and
 * dates (the plan builds a new Panel every day). Numbers are JSON numbers,
 * which round-trip every finite float64 exactly; absent prices (NaN) and
 * orders that never expire (Infinity) are left out or null. A field added to
 * the broker later goes here with a default for states saved without it.
 *
 * @module
 */
import type { OrderType, Side } from "./types.ts";
import { blankOrder, type WorkingOrder } from "./working_order.ts";

/** One open lot (a buy fill not yet sold), oldest first within a ticker. */
export type LotState = {
  readonly size: number;
  readonly price: number;
  /** Entry commission per share still open. */
  readonly commissionPerShare: number;
  /** Day number of the buy (days since 1970-01-01). */
  readonly day: number;
  /** ISO date of the buy. */
  readonly date: string;
};

/** One working order. */
export type OrderState = {
  readonly id: number;
  readonly ticker: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly requested: number;
  readonly size: number;
  /** Limit or stop price; null for market orders. */
  readonly price: number | null;
  /** ISO date of the day it was placed on. */
  readonly placed: string;
  /** Trading days after `placed` it may still fill; null until filled (market orders). */
  readonly validDays: number | null;
  /** Rebalance group (0: a plain order). */
  readonly group: number;
  readonly reason?: string;
};

/** Everything the broker carries from one day to the next. */
export type BrokerState = {
  readonly cash: number;
  /** The id the next order gets. */
  readonly nextOrderId: number;
  /** Shares held by ticker (non-zero only). */
  readonly shares: Readonly<Record<string, number>>;
  /** Last known close by ticker (tickers that had a bar), the valuation price. */
  readonly lastClose: Readonly<Record<string, number>>;
  /** Open lots by ticker (tickers with lots only). */
  readonly lots: Readonly<Record<string, readonly LotState[]>>;
  /** Working orders in submission order. */
  readonly orders: readonly OrderState[];
};

/** The state of a broker that has done nothing yet: `cash`, no holdings, no orders. */
export function freshBrokerState(cash: number): BrokerState {
  return { cash, nextOrderId: 1, shares: {}, lastClose: {}, lots: {}, orders: [] };
}

/** Every ticker a state refers to (holdings, prices, lots, orders), sorted. */
export function tickersOfBrokerState(state: BrokerState): string[] {
  const all = new Set([
    ...Object.keys(state.shares),
    ...Object.keys(state.lastClose),
    ...Object.keys(state.lots),
    ...state.orders.map((o) => o.ticker),
  ]);
  return [...all].sort();
}

/** A working order as state: its asset's ticker and its day's date given by the broker. */
export function orderStateOf(o: WorkingOrder, ticker: string, placed: string): OrderState {
  return {
    id: o.id,
    ticker,
    side: o.side,
    type: o.type,
    requested: o.requested,
    size: o.size,
    price: o.price === o.price ? o.price : null,
    placed,
    validDays: o.lastT === Infinity ? null : o.lastT - o.placedT,
    group: o.group,
    ...(o.reason === undefined ? {} : { reason: o.reason }),
  };
}

/** The broker's record of a restored order, on the Panel where its asset is `asset` and its day `placedT`. */
export function workingOrderOf(s: OrderState, asset: number, placedT: number): WorkingOrder {
  const o = blankOrder();
  o.id = s.id;
  o.asset = asset;
  o.side = s.side;
  o.type = s.type;
  o.requested = s.requested;
  o.size = s.size;
  o.price = s.price ?? NaN;
  o.placedT = placedT;
  o.lastT = s.validDays === null ? Infinity : placedT + s.validDays;
  o.group = s.group;
  o.reason = s.reason;
  return o;
}
