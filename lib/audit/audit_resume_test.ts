import assert from "node:assert/strict";
import { join } from "node:path";
import { AuditLog, type AuditLogState } from "./audit_log.ts";
import { MemorySink, NullSink } from "./event_sink.ts";
import { traceIdOf } from "./ids.ts";
import { SqliteEventStore } from "./sqlite_store.ts";

const options = { configHash: "c1", dataHash: "d1", codeVersion: "test", clock: () => 0 };

/** One writer's day: a session placing an order for SPY and filling yesterday's. */
function day(log: AuditLog, date: string, orderId: number): void {
  log.beginSession({ asOf: date, kind: "rebalance" });
  log.record({ type: "PositionOpened", asOf: date, asset: "SPY", sizeAfter: 0.5, reason: "test" });
  log.record({
    type: "OrderFilled",
    asOf: date,
    asset: "SPY",
    orderId: orderId - 1,
    side: "buy",
    shares: 1,
    price: 1,
    commission: 0,
  });
  log.record({
    type: "OrderPlaced",
    asOf: date,
    asset: "SPY",
    orderId,
    side: "buy",
    shares: 1,
    orderType: "market",
  });
  log.endSession();
}

Deno.test("AuditLog.resume() continues a SQLite run across writers: sessions go on, fills join their placing session, the run ends finished", async () => {
  const dir = await Deno.makeTempDir({ prefix: "audit-resume-" });
  try {
    const path = join(dir, "audit.db");
    let store = SqliteEventStore.open(path);
    const first = await AuditLog.start(store, { ...options, asOf: "2021-03-01" });
    day(first, "2021-03-01", 1);
    await first.finish({ asOf: "2021-03-01" });
    let state: AuditLogState = JSON.parse(JSON.stringify(first.state()));
    await store.close();
    for (const [i, date] of ["2021-03-02", "2021-03-03"].entries()) {
      store = SqliteEventStore.open(path);
      const log = await AuditLog.resume(store, {
        runId: first.runId,
        state,
        asOf: date,
        ...options,
      });
      assert.equal(store.reader().runs()[0]?.status, "running");
      day(log, date, i + 2);
      await log.finish({ asOf: date });
      state = JSON.parse(JSON.stringify(log.state()));
      await store.close();
    }
    const reader = SqliteEventStore.open(path).reader();
    const runs = reader.runs();
    assert.deepEqual(runs.map((r) => [r.runId, r.status]), [[first.runId, "finished"]]);
    // The fill of order 2 (placed on the 2nd by the second writer) is in the 2nd's session, filled on the 3rd.
    const why = reader.why("SPY", "2021-03-02");
    assert.equal(why.runId, first.runId);
    assert.deepEqual(why.sessions.map((s) => [s.sessionId, s.traceId]), [[
      `${first.runId}/2`,
      traceIdOf(first.runId, 2),
    ]]);
    assert.deepEqual(
      why.sessions[0]?.events.filter((e) => e.eventType.startsWith("order")).map((e) => [
        e.eventType,
        e.timestamp,
      ]),
      [["order_placed", "2021-03-02"], ["order_filled", "2021-03-03"]],
    );
    // Three days of a position event, a fill and an order: every writer's events are in the run.
    assert.equal(reader.timeline("SPY", { days: 5 }).length, 9);
    assert.deepEqual(state, { seq: 3, regime: null, orderSessions: [[3, 3]] });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("AuditLog.resume() skips sessions a killed writer left and says so", async () => {
  const sink = new MemorySink();
  const first = await AuditLog.start(sink, { ...options, asOf: "2021-03-01" });
  day(first, "2021-03-01", 1);
  const kept = first.state();
  day(first, "2021-03-02", 2); // written, but its writer's state was never kept
  const log = await AuditLog.resume(sink, {
    runId: first.runId,
    state: kept,
    asOf: "2021-03-02",
    ...options,
  });
  const note = sink.events.at(-1);
  assert.equal(note?.eventType, "sessions_abandoned");
  assert.match(note?.reason ?? "", /sessions 2 to 2 were written by a writer that stopped/);
  assert.equal(log.beginSession({ asOf: "2021-03-02" }), traceIdOf(first.runId, 3));
});

Deno.test("AuditLog.state() keeps only the orders the caller says are still working", async () => {
  const log = await AuditLog.start(new MemorySink(), { ...options, asOf: "2021-03-01" });
  log.beginSession({ asOf: "2021-03-01" });
  for (const orderId of [1, 2]) {
    log.record({
      type: "OrderPlaced",
      asOf: "2021-03-01",
      asset: "SPY",
      orderId,
      side: "buy",
      shares: 1,
      orderType: "market",
    });
  }
  assert.deepEqual(log.state().orderSessions, [[1, 1], [2, 1]]);
  assert.deepEqual(log.state((id) => id === 2).orderSessions, [[2, 1]]);
});

Deno.test("AuditLog.resume() refuses a run the store does not hold, or a store that cannot reopen", async () => {
  const state = { seq: 0, regime: null, orderSessions: [] };
  await assert.rejects(
    () => AuditLog.resume(new MemorySink(), { runId: "nope", state, asOf: "2021-03-01" }),
    /run nope is not in the store/,
  );
  await assert.rejects(
    () => AuditLog.resume(new NullSink(), { runId: "nope", state, asOf: "2021-03-01" }),
    /cannot reopen runs/,
  );
  const store = SqliteEventStore.open(":memory:");
  await assert.rejects(() => store.reopenRun("nope"), /run nope is not in :memory:/);
  await store.close();
});
