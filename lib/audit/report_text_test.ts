import assert from "node:assert/strict";
import { eventLine, runLine, sqlText } from "./report_text.ts";
import type { AuditRow, RunSummary } from "./query_types.ts";

const row: AuditRow = {
  id: 1,
  eventType: "protection_blocked",
  eventCategory: "protection",
  asset: "MSFT",
  action: "close",
  reason: "in grace",
  scoreBefore: null,
  scoreAfter: 0.55,
  sizeBefore: 0.1,
  sizeAfter: 0.08,
  metadata: { rule: "grace_period" },
  executionTimeMs: 1,
  timestamp: "2021-03-01",
  traceId: "t",
  sessionId: "r/1",
  regime: "Goldilocks",
  runId: "r",
  recordedAt: "2023-11-14T22:13:20.000Z",
};

Deno.test("eventLine() shows date, type, asset, action, score and size changes, rule and reason", () => {
  assert.equal(
    eventLine(row),
    "2021-03-01  protection_blocked   MSFT    close     score 0.55  size 0.1->0.08  [grace_period]  in grace",
  );
});

Deno.test("runLine() flags a run that never finished", () => {
  const run: RunSummary = {
    runId: "r",
    status: "running",
    complete: false,
    configHash: "c",
    dataHash: "d",
    codeVersion: "t",
    startedAt: "2023-11-14T22:13:20.000Z",
    finishedAt: null,
    error: null,
    firstAsOf: "2021-03-01",
    lastAsOf: "2021-03-05",
    events: 40,
  };
  assert.equal(
    runLine(run),
    "run r  INCOMPLETE (running, never finished)  2021-03-01..2021-03-05  40 events  started 2023-11-14T22:13:20.000Z",
  );
});

Deno.test("sqlText() prints a header, tab-separated rows with NULL and JSON, and a count", () => {
  assert.deepEqual(sqlText({ columns: ["a", "b"], rows: [{ a: null, b: { x: 1 } }] }), [
    "a\tb",
    'NULL\t{"x":1}',
    "(1 rows)",
  ]);
});
