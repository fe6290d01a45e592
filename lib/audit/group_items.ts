/**
 * The `items` JSON of an order group as the SQLite store keeps it (see
 * {@link openSqliteStore}): one array per event, `[ticker, order_id, shares,
 * price, commission]` for a fill, `[ticker, order_id, shares]` for a placed
 * order, followed by its price where it has one and its reason (after the
 * price or null) where it has one.
 *
 * Design decision: one `JSON.stringify` of reused arrays, not text joined by
 * hand: V8 writes numbers into JSON without making a string of each, about
 * twice as fast as concatenation on 80,000 fills (measured for issue 13), and
 * the text of each number is the one JavaScript gives it in a reason or in
 * metadata JSON.
 *
 * @module
 */
import type { BrokerFill, BrokerOrder, OrderGroup } from "./order_group.ts";

/** Arrays reused from one group to the next (the store's thread only). */
const _tuples: (string | number | null)[][] = [];
const _outer: (string | number | null)[][] = [];

/** The group's `items` JSON and its tickers, in order. */
export function groupItems(
  group: OrderGroup,
): { readonly json: string; readonly tickers: string[] } {
  const tickers: string[] = [];
  _outer.length = 0;
  if (group.kind === "filled") {
    const fills = group.fills;
    for (let i = 0; i < fills.length; i++) {
      const f = fills[i] as BrokerFill;
      const t = _tuple(i, 5);
      t[0] = f.ticker;
      t[1] = f.orderId;
      t[2] = f.size;
      t[3] = f.price;
      t[4] = f.commission;
      tickers.push(f.ticker);
      _outer.push(t);
    }
  } else {
    const orders = group.orders;
    for (let i = 0; i < orders.length; i++) {
      const o = orders[i] as BrokerOrder;
      const priced = Number.isFinite(o.price);
      const t = _tuple(i, o.reason !== undefined ? 5 : priced ? 4 : 3);
      t[0] = o.ticker;
      t[1] = o.orderId;
      t[2] = o.size;
      if (t.length > 3) t[3] = priced ? o.price : null;
      if (t.length > 4) t[4] = o.reason as string;
      tickers.push(o.ticker);
      _outer.push(t);
    }
  }
  const json = JSON.stringify(_outer);
  _outer.length = 0;
  return { json, tickers };
}

function _tuple(i: number, length: number): (string | number | null)[] {
  let t = _tuples[i];
  if (t === undefined) _tuples[i] = t = [];
  t.length = length;
  return t;
}
