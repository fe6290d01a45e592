import assert from "node:assert/strict";
import { attemptRunId, MemorySink, NullSink } from "./event_sink.ts";
import { AuditLog } from "./audit_log.ts";

const run = { runId: "r", configHash: "c", dataHash: "d", codeVersion: "t", startedAt: 0 };

Deno.test("attemptRunId() keeps a free id and numbers a taken one from .2", () => {
  assert.equal(attemptRunId("r", () => false), "r");
  const taken = new Set(["r", "r.2"]);
  assert.equal(attemptRunId("r", (id) => taken.has(id)), "r.3");
});

Deno.test("NullSink drops events and accepts any run id", async () => {
  const sink = new NullSink();
  assert.equal(await sink.claimRun(run), "r");
  const log = await AuditLog.start(sink, {
    configHash: "c",
    dataHash: "d",
    codeVersion: "t",
    asOf: "2021-03-01",
  });
  log.logCustomEvent({ asOf: "2021-03-01", eventType: "x" });
  await log.finish();
  await sink.close();
  assert.equal(log.runId.length, 16);
});

Deno.test("MemorySink keeps runs and events in order", async () => {
  const sink = new MemorySink();
  assert.deepEqual([await sink.claimRun(run), await sink.claimRun(run)], ["r", "r.2"]);
  assert.deepEqual(sink.runs.map((r) => r.runId), ["r", "r.2"]);
  const log = await AuditLog.start(sink, {
    configHash: "c",
    dataHash: "d",
    codeVersion: "t",
    asOf: "2021-03-01",
  });
  log.logCustomEvent({ asOf: "2021-03-01", eventType: "x" });
  assert.deepEqual(sink.events.map((e) => e.eventType), ["run_start", "x"]);
});
