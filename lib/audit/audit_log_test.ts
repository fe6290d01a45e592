import assert from "node:assert/strict";
import { AuditLog } from "./audit_log.ts";
import { MemorySink } from "./event_sink.ts";
import { runIdOf, traceIdOf } from "./ids.ts";
import { recordSyntheticSessions } from "./testdata/synthetic_run.ts";

const options = { configHash: "c1", dataHash: "d1", codeVersion: "test", asOf: "2021-03-01" };

Deno.test("AuditLog.start() derives the run id from the hashes and records run_start with them", async () => {
  const sink = new MemorySink();
  const log = await AuditLog.start(sink, { ...options, clock: () => 7 });
  assert.equal(log.runId, runIdOf("c1", "d1"));
  const [start] = sink.events;
  assert.equal(start?.eventType, "run_start");
  assert.equal(start?.traceId, traceIdOf(log.runId, 0));
  assert.equal(start?.recordedAt, 7);
  assert.deepEqual(start?.metadata, { config_hash: "c1", data_hash: "d1", code_version: "test" });
});

Deno.test("AuditLog.start() numbers a repeated run id .2 in the same sink, and takes a caller's id", async () => {
  const sink = new MemorySink();
  const first = await AuditLog.start(sink, options);
  const second = await AuditLog.start(sink, options);
  const named = await AuditLog.start(sink, { ...options, runId: "mine" });
  assert.equal(second.runId, `${first.runId}.2`);
  assert.equal(named.runId, "mine");
});

Deno.test("beginSession() gives each session the trace id of run id and sequence; its events carry it", async () => {
  const sink = new MemorySink();
  const log = await AuditLog.start(sink, options);
  const t1 = log.beginSession({ asOf: "2021-03-01" });
  log.record({ type: "AssetScored", asOf: "2021-03-01", asset: "AAPL", score: 0.9 });
  const t2 = log.beginSession({ asOf: "2021-03-02", kind: "scan" });
  log.record({ type: "AssetScored", asOf: "2021-03-02", asset: "AAPL", score: 0.8 });
  log.endSession();
  log.logCustomEvent({ asOf: "2021-03-02", eventType: "note", reason: "outside sessions" });
  assert.equal(t1, traceIdOf(log.runId, 1));
  assert.equal(t2, traceIdOf(log.runId, 2));
  const summary = sink.events.map((e) => [e.eventType, e.action, e.sessionSeq, e.traceId]);
  assert.deepEqual(summary, [
    ["run_start", "start", 0, traceIdOf(log.runId, 0)],
    ["session_start", "rebalance", 1, t1],
    ["asset_scored", "score", 1, t1],
    ["session_start", "scan", 2, t2],
    ["asset_scored", "score", 2, t2],
    ["note", null, 0, traceIdOf(log.runId, 0)],
  ]);
});

Deno.test("record() files a fill under the session that placed its order, not the open one", async () => {
  const sink = new MemorySink();
  const log = await AuditLog.start(sink, options);
  const placing = log.beginSession({ asOf: "2021-03-01" });
  log.record({
    type: "OrderPlaced",
    asOf: "2021-03-01",
    asset: "AAPL",
    orderId: 9,
    side: "buy",
    shares: 10,
  });
  log.beginSession({ asOf: "2021-03-02" });
  log.record({
    type: "OrderFilled",
    asOf: "2021-03-02",
    asset: "AAPL",
    orderId: 9,
    side: "buy",
    shares: 10,
    price: 120,
    commission: 1,
  });
  const fill = sink.events.at(-1);
  assert.equal(fill?.traceId, placing);
  assert.equal(fill?.sessionSeq, 1);
});

Deno.test("record() stamps every event with the regime in force", async () => {
  const sink = new MemorySink();
  const log = await AuditLog.start(sink, options);
  log.beginSession({ asOf: "2021-03-01" });
  log.record({ type: "AssetScored", asOf: "2021-03-01", asset: "AAPL", score: 0.9 });
  log.record({ type: "RegimeDetected", asOf: "2021-03-01", regime: "Goldilocks", confidence: 0.8 });
  log.record({ type: "AssetScored", asOf: "2021-03-01", asset: "AAPL", score: 0.9 });
  log.record({
    type: "RegimeChanged",
    asOf: "2021-03-01",
    from: "Goldilocks",
    to: "Deflation",
    severity: "critical",
    overrideAuthorizations: [],
  });
  log.record({ type: "AssetScored", asOf: "2021-03-01", asset: "AAPL", score: 0.9 });
  assert.deepEqual(sink.events.slice(2).map((e) => e.regime), [
    null,
    "Goldilocks",
    "Goldilocks",
    "Deflation",
    "Deflation",
  ]);
});

Deno.test("finish() and fail() record run_finish / run_fail at the latest asOf unless given", async () => {
  const sink = new MemorySink();
  const log = await AuditLog.start(sink, options);
  log.beginSession({ asOf: "2021-03-05" });
  await log.finish();
  const failing = await AuditLog.start(sink, options);
  await failing.fail(new TypeError("boom"), { asOf: "2021-04-01" });
  const [finish, fail] = sink.events.filter((e) =>
    e.category === "run" && e.action !== "start" && e.action !== "rebalance"
  );
  assert.deepEqual([finish?.eventType, finish?.asOfMs, finish?.sessionSeq], [
    "run_finish",
    Date.UTC(2021, 2, 5),
    0,
  ]);
  assert.deepEqual([fail?.eventType, fail?.reason, fail?.asOfMs], [
    "run_fail",
    "TypeError: boom",
    Date.UTC(2021, 3, 1),
  ]);
});

Deno.test("the same run records the same events apart from the wall clock", async () => {
  const records = async (clock: () => number) => {
    const sink = new MemorySink();
    const log = await AuditLog.start(sink, { ...options, clock });
    recordSyntheticSessions(log, { sessions: 3, assets: 4, changes: 2 });
    await log.finish();
    return sink.events.map((e) => ({ ...e, recordedAt: 0 }));
  };
  let tick = 0;
  assert.deepEqual(await records(() => 1), await records(() => tick++));
});
