import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { AuditLog } from "./audit_log.ts";
import { SqliteEventStore } from "./sqlite_store.ts";
import { scenario, T0 } from "./testdata/scenario.ts";

Deno.test("timeline() counts days back from the run's latest asOf, not the wall clock", async () => {
  const store = SqliteEventStore.open(":memory:");
  await scenario(store);
  const reader = store.reader();
  // 2021-04-15 minus 30 days is 2021-03-16: only the April score is inside.
  assert.deepEqual(reader.timeline("AAPL", { days: 30 }).map((r) => [r.timestamp, r.eventType]), [[
    "2021-04-15",
    "asset_scored",
  ]]);
  // Minus 45 days is 2021-03-01: everything about AAPL, in market-time order.
  assert.deepEqual(reader.timeline("AAPL", { days: 45 }).map((r) => [r.timestamp, r.eventType]), [
    ["2021-03-01", "scan_result"],
    ["2021-03-01", "asset_scored"],
    ["2021-03-01", "protection_approved"],
    ["2021-03-01", "position_open"],
    ["2021-03-01", "order_placed"],
    ["2021-03-02", "order_filled"],
    ["2021-03-02", "asset_scored"],
    ["2021-04-15", "asset_scored"],
  ]);
  assert.deepEqual(reader.timeline("ZZZZ", { days: 45 }), []);
  await store.close();
});

Deno.test("timeline() reads the latest run unless a run id is given", async () => {
  const store = SqliteEventStore.open(":memory:");
  const first = await scenario(store, "c1");
  const second = await scenario(store, "c2");
  const reader = store.reader();
  assert.deepEqual(
    new Set(reader.timeline("AAPL", { days: 45 }).map((r) => r.runId)),
    new Set([second.runId]),
  );
  assert.deepEqual(
    new Set(reader.timeline("AAPL", { days: 45, runId: first.runId }).map((r) => r.runId)),
    new Set([first.runId]),
  );
  assert.throws(() => reader.timeline("AAPL", { runId: "nope" }), InputError);
  await store.close();
});

Deno.test("why() gives the chain from regime to fill for the session of that date touching the asset", async () => {
  const store = SqliteEventStore.open(":memory:");
  const log = await scenario(store);
  const chain = store.reader().why("AAPL", "2021-03-01");
  assert.equal(chain.runId, log.runId);
  assert.equal(chain.sessions.length, 1);
  const [session] = chain.sessions;
  assert.equal(session?.sessionId, `${log.runId}/1`);
  assert.deepEqual(session?.events.map((r) => [r.eventType, r.asset, r.timestamp]), [
    ["session_start", null, "2021-03-01"],
    ["regime_detected", null, "2021-03-01"],
    ["scan_result", "AAPL", "2021-03-01"],
    ["asset_scored", "AAPL", "2021-03-01"],
    ["protection_approved", "AAPL", "2021-03-01"],
    ["position_open", "AAPL", "2021-03-01"],
    ["order_placed", "AAPL", "2021-03-01"],
    ["order_filled", "AAPL", "2021-03-02"],
  ]);
  assert.deepEqual(session?.events[4]?.metadata, { rule: "holding_period" });
  await store.close();
});

Deno.test("why() is empty for a date whose sessions do not touch the asset, and checks the date", async () => {
  const store = SqliteEventStore.open(":memory:");
  await scenario(store);
  const reader = store.reader();
  assert.deepEqual(reader.why("MSFT", "2021-03-02").sessions, []);
  assert.deepEqual(reader.why("AAPL", "2021-03-03").sessions, []);
  assert.throws(() => reader.why("AAPL", "03/01/2021"), InputError);
  await store.close();
});

Deno.test("sessions() lists the latest sessions first with their event counts", async () => {
  const store = SqliteEventStore.open(":memory:");
  const log = await scenario(store);
  // Session 2: session_start, regime, score (the fill belongs to session 1) = 3 events.
  assert.deepEqual(
    store.reader().sessions(2).map((s) => [s.sessionId, s.asOf, s.kind, s.events, s.complete]),
    [
      [`${log.runId}/3`, "2021-04-15", "rebalance", 3, true],
      [`${log.runId}/2`, "2021-03-02", "rebalance", 3, true],
    ],
  );
  await store.close();
});

Deno.test("health() counts runs and the latest run's verdicts like the seed's get_system_health", async () => {
  const store = SqliteEventStore.open(":memory:");
  await scenario(store);
  const unfinished = await AuditLog.start(store, {
    configHash: "c9",
    dataHash: "d1",
    codeVersion: "test",
    asOf: "2021-03-01",
    clock: () => T0,
  });
  await unfinished.flush();
  await scenario(store, "c3");
  const health = store.reader().health({ now: T0 + 1_000 });
  // Hand count: 3 runs, 2 finished, 1 incomplete; score = round(100 * 2 / 3) = 67.
  assert.deepEqual(health.runs, { total: 3, finished: 2, failed: 0, incomplete: 1 });
  assert.equal(health.healthScore, 67);
  assert.deepEqual(health.incompleteRuns.map((r) => r.runId), [unfinished.runId]);
  // Latest run: 1 approved at 1 ms, 1 blocked at 3 ms.
  assert.deepEqual(health.protection, {
    approved: 1,
    blocked: 1,
    approvalRate: 0.5,
    avgExecutionTimeMs: 2,
  });
  assert.equal(health.protectionActive, true);
  // Latest run: run_start, run_finish, 3 session_start = 5 run; 3 regime; 1 scan; 4 scores (AAPL, MSFT, AAPL, AAPL); 2 verdicts; 1 position; 2 orders.
  assert.deepEqual(health.eventsByCategory, {
    run: 5,
    regime: 3,
    scanner: 1,
    scoring: 4,
    protection: 2,
    position: 1,
    order: 2,
  });
  assert.equal(health.decisionsLastHour, 18);
  assert.equal(health.events, 18 + 1 + 18);
  assert.equal(store.reader().health({ now: T0 + 3_600_001 }).decisionsLastHour, 0);
  await store.close();
});

Deno.test("sql() refuses writes even on the writer's own connection", async () => {
  const store = SqliteEventStore.open(":memory:");
  await scenario(store);
  const reader = store.reader();
  assert.throws(
    () => reader.sql("WITH x AS (SELECT 1) DELETE FROM events"),
    (e: unknown) => e instanceof InputError && e.message.includes("refused"),
  );
  assert.throws(() => reader.sql("UPDATE runs SET status = 'finished'"), InputError);
  assert.throws(
    () => reader.sql("SELECT nope FROM events"),
    (e: unknown) => e instanceof InputError && e.message.includes("no such column"),
  );
  assert.equal(reader.sql("SELECT count(*) AS n FROM events").rows[0]?.n, 18);
  // The connection still writes afterwards.
  const log = await AuditLog.start(store, {
    configHash: "x",
    dataHash: "y",
    codeVersion: "t",
    asOf: "2021-05-01",
  });
  await log.finish();
  assert.equal(reader.sql("SELECT count(*) AS n FROM events").rows[0]?.n, 20);
  await store.close();
});
