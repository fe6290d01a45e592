import assert from "node:assert/strict";
import { OrderSessions } from "./order_sessions.ts";

const s1 = { seq: 1, traceId: "t1" }, s0 = { seq: 0, traceId: "t0" };

Deno.test("OrderSessions gives each order's session once, for broker ids and any other number", () => {
  const sessions = new OrderSessions();
  sessions.set(1, s1);
  sessions.set(5_000, s0);
  sessions.set(-3, s1);
  sessions.set(2.5, s0);
  sessions.set(2 ** 40, s1);
  assert.deepEqual(sessions.entries(), [[-3, 1], [1, 1], [2.5, 0], [5_000, 0], [2 ** 40, 1]]);
  assert.equal(sessions.take(5_000), s0);
  assert.equal(sessions.take(5_000), undefined, "forgotten once taken");
  assert.equal(sessions.take(2.5), s0);
  assert.equal(sessions.take(7), undefined, "never placed");
  assert.equal(sessions.take(10 ** 9), undefined, "beyond the array");
  assert.deepEqual(sessions.entries(), [[-3, 1], [1, 1], [2 ** 40, 1]]);
});
