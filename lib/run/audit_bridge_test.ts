import assert from "node:assert/strict";
import { AuditLog } from "../audit/audit_log.ts";
import { MemorySink } from "../audit/event_sink.ts";
import type { DayActivity } from "../engine/types.ts";
import { auditObserver } from "./audit_bridge.ts";

const NONE = { placed: [], fills: [], notes: [] } as const;

Deno.test("auditObserver() records orders in the deciding session and joins fills and notes to it", async () => {
  const sink = new MemorySink();
  const log = await AuditLog.start(sink, {
    configHash: "c",
    dataHash: "d",
    codeVersion: "test",
    asOf: "2024-01-02",
    clock: () => 0,
  });
  const observer = auditObserver(log);
  const decision = log.beginSession({ asOf: "2024-01-02" });
  const day1: DayActivity = {
    ...NONE,
    t: 0,
    date: "2024-01-02",
    placed: [
      {
        orderId: 1,
        ticker: "AAA",
        side: "buy",
        size: 10,
        type: "market",
        price: NaN,
        date: "2024-01-02",
      },
      {
        orderId: 2,
        ticker: "BBB",
        side: "buy",
        size: 5,
        type: "limit",
        price: 20,
        date: "2024-01-02",
      },
    ],
  };
  observer.dayEnded(day1);
  assert.notEqual(log.traceId, decision, "the day's session ends with the day");
  // The next day's decision opens a session; yesterday's orders fill (AAA) and are trimmed (BBB).
  const next = log.beginSession({ asOf: "2024-01-03" });
  observer.dayEnded({
    t: 1,
    date: "2024-01-03",
    placed: [],
    fills: [{
      orderId: 1,
      ticker: "AAA",
      side: "buy",
      size: 10,
      price: 11,
      commission: 1,
      placed: "2024-01-02",
      date: "2024-01-03",
    }],
    notes: [{
      orderId: 2,
      ticker: "BBB",
      side: "buy",
      requested: 5,
      filled: 3,
      outcome: "trimmed",
      reason: "cash covers 3 of 5",
      date: "2024-01-03",
    }],
  });
  const orders = sink.events.filter((e) => e.category === "order");
  assert.deepEqual(
    orders.map((e) => [e.eventType, e.asset, e.action, e.traceId, e.metadata]),
    [
      ["order_placed", "AAA", "buy", decision, { order_id: 1, shares: 10, order_type: "market" }],
      [
        "order_placed",
        "BBB",
        "buy",
        decision,
        { order_id: 2, shares: 5, order_type: "limit", price: 20 },
      ],
      ["order_filled", "AAA", "buy", decision, {
        order_id: 1,
        shares: 10,
        price: 11,
        commission: 1,
      }],
      [
        "order_rejected",
        "BBB",
        "buy",
        decision,
        { order_id: 2, shares: 5, filled: 3, outcome: "trimmed" },
      ],
    ],
  );
  assert.notEqual(next, decision);
  assert.equal(orders[2]?.reason, "buy 10 @ 11");
  assert.equal(orders[3]?.reason, "cash covers 3 of 5");
});
