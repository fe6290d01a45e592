/** The broker's records of an order and the reasons its notes give; expected texts written by hand. */
import assert from "node:assert/strict";
import { blankOrder } from "./working_order.ts";
import { expiryReason, fillOf, placedOrderOf, scaledToCashReason } from "./order_records.ts";

function limitBuy(reason?: string) {
  const o = blankOrder();
  Object.assign(o, { id: 3, side: "buy", type: "limit", size: 10, price: 9.5, placedT: 4 });
  o.lastT = 5;
  o.reason = reason;
  return o;
}

Deno.test("fillOf() and placedOrderOf() carry an order's reason only when it has one", () => {
  const plain = fillOf(limitBuy(), "AAA", 10, 9.5, 1, "2024-01-05", "2024-01-08");
  assert.deepEqual(plain, {
    orderId: 3,
    ticker: "AAA",
    side: "buy",
    size: 10,
    price: 9.5,
    commission: 1,
    placed: "2024-01-05",
    date: "2024-01-08",
  });
  assert.equal("reason" in plain, false);
  assert.equal(fillOf(limitBuy("rebalance"), "AAA", 10, 9.5, 1, "a", "b").reason, "rebalance");
  assert.equal("reason" in placedOrderOf(limitBuy(), "AAA", "2024-01-05"), false);
  assert.deepEqual(placedOrderOf(limitBuy("stop loss"), "AAA", "2024-01-05"), {
    orderId: 3,
    ticker: "AAA",
    side: "buy",
    size: 10,
    type: "limit",
    price: 9.5,
    date: "2024-01-05",
    reason: "stop loss",
  });
});

Deno.test("expiryReason() says whether a bar was missing or the price not reached, in days", () => {
  const o = limitBuy();
  assert.equal(expiryReason(o, "AAA", false), "limit 9.5 not reached within 1 day");
  o.lastT = 7;
  assert.equal(expiryReason(o, "AAA", true), "no bar for AAA within 3 days");
});

Deno.test("scaledToCashReason() names the common factor to four decimals", () => {
  assert.equal(scaledToCashReason(0.912345), "scaled by 0.9123 to fit cash after a gap");
});
