/**
 * The `items` JSON of an order group as the SQLite store keeps it (see
 * {@link openSqliteStore}): one array per event, `[asset, order_id, shares,
 * price, commission]` for a fill, `[asset, order_id, shares]` for a placed
 * order, followed by its price where it has one and its reason (after the
 * price or null) where it has one; `asset` is the ticker's code in the store's
 * `names`.
 *
 * Design decision: one `JSON.stringify` of reused arrays of numbers, not text
 * joined by hand and not tickers as strings: V8 writes an array of doubles
 * into JSON without making a string or a boxed number of each; with the
 * ticker strings in the arrays, encoding 160,000 order events took about four
 * times as long (measured for issue 13). The text of each number is the one
 * JavaScript gives it in a reason or in metadata JSON.
 *
 * @module
 */
import type { BrokerFill, BrokerOrder, OrderGroup } from "./order_group.ts";

/** Arrays of doubles reused from one group to the next (the store's thread only). */
const _numbers: number[][] = [];
const _outer: unknown[] = [];

/**
 * The group's `items` JSON, given the store's code of each event's ticker
 * (`assets[i]` for the group's event `i`).
 */
export function groupItems(group: OrderGroup, assets: Int32Array): string {
  _outer.length = 0;
  if (group.kind === "filled") {
    const fills = group.fills;
    for (let i = 0; i < fills.length; i++) {
      const f = fills[i] as BrokerFill;
      const t = _tuple(i, 5);
      t[0] = assets[i] as number;
      t[1] = f.orderId;
      t[2] = f.size;
      t[3] = f.price;
      t[4] = f.commission;
      _outer.push(t);
    }
  } else {
    const orders = group.orders;
    for (let i = 0; i < orders.length; i++) {
      const o = orders[i] as BrokerOrder;
      const priced = Number.isFinite(o.price);
      if (o.reason !== undefined) {
        _outer.push([assets[i], o.orderId, o.size, priced ? o.price : null, o.reason]);
        continue;
      }
      const t = _tuple(i, priced ? 4 : 3);
      t[0] = assets[i] as number;
      t[1] = o.orderId;
      t[2] = o.size;
      if (priced) t[3] = o.price;
      _outer.push(t);
    }
  }
  const json = JSON.stringify(_outer);
  _outer.length = 0;
  return json;
}

/** A reused array of `length` doubles (it starts with doubles, so V8 keeps it unboxed). */
function _tuple(i: number, length: number): number[] {
  let t = _numbers[i];
  if (t === undefined) _numbers[i] = t = [0.5, 0.5, 0.5, 0.5, 0.5];
  t.length = length;
  return t;
}
