/** The order book's bookkeeping; expected values are hand calculations written beside them. */
import assert from "node:assert/strict";
import { OrderBook } from "./order_book.ts";

/** Adds an order of `size` shares of `asset` in rebalance `group` at `price`. */
function order(book: OrderBook, asset: number, size: number, group = 0, price = NaN) {
  const o = book.add();
  o.asset = asset;
  o.size = size;
  o.group = group;
  o.price = price;
  return o;
}

Deno.test("OrderBook.add() gives ids in order and keeps orders in submission order", () => {
  const book = new OrderBook();
  book.nextId = 7; // as restored from a state
  const ids = [order(book, 0, 1), order(book, 1, 2), order(book, 0, 3)].map((o) => o.id);
  assert.deepEqual(ids, [7, 8, 9]);
  assert.deepEqual(book.pending.map((o) => o.size), [1, 2, 3]);
  assert.equal(book.nextId, 10);
});

Deno.test("OrderBook reuses a released record for the next order, with a new id", () => {
  const book = new OrderBook();
  const first = order(book, 0, 5);
  book.pending.length = 0; // taken out by a fill pass
  book.release(first);
  const next = book.add();
  assert.equal(next, first);
  assert.equal(next.id, 2);
});

Deno.test("OrderBook.cancel() drops every order, or only rebalance groups' and keeps plain ones", () => {
  const book = new OrderBook();
  order(book, 0, 1, 0);
  order(book, 1, 2, 3);
  order(book, 2, 3, 0);
  book.cancel(true);
  assert.deepEqual(book.pending.map((o) => o.size), [1, 3]);
  book.cancel(false);
  assert.equal(book.pending.length, 0);
  assert.equal(book.add().id, 4); // ids are not reused
});

Deno.test("OrderBook.split() scales the asset's orders: whole shares floored, prices divided", () => {
  const book = new OrderBook();
  const a = order(book, 0, 5, 0, 30);
  const b = order(book, 1, 5, 0, 30);
  book.split(0, 1.5, false); // 5 * 1.5 = 7.5 -> 7 whole shares; 30 / 1.5 = 20
  assert.deepEqual([a.size, a.price, b.size, b.price], [7, 20, 5, 30]);
  book.split(1, 1.5, true); // fractional: 7.5 kept
  assert.deepEqual([b.size, b.price], [7.5, 20]);
});
