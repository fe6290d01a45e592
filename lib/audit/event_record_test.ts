import assert from "node:assert/strict";
import { asOfToMs, msToAsOf, toRecord } from "./event_record.ts";
import type { AuditEvent } from "./events.ts";

const context = { runId: "r1", sessionSeq: 3, traceId: "t3", recordedAt: 42, regime: "Goldilocks" };
const asOf = "2021-03-01";

Deno.test("asOfToMs() reads a date as its UTC midnight and a zoned date-time exactly", () => {
  // Date.UTC(2021, 2, 1) = 1614556800000 and Date.UTC(2021, 2, 1, 14, 30) = 1614609000000.
  assert.equal(asOfToMs("2021-03-01"), 1614556800000);
  assert.equal(asOfToMs("2021-03-01T14:30:00Z"), 1614609000000);
  assert.equal(asOfToMs("2021-03-01T15:30:00+01:00"), 1614609000000);
});

Deno.test("asOfToMs() refuses text that is not an ISO date or a zoned date-time", () => {
  for (const bad of ["2021-02-30", "01/03/2021", "2021-03-01T14:30:00", ""]) {
    assert.throws(() => asOfToMs(bad), RangeError, bad);
  }
});

Deno.test("msToAsOf() gives a date for midnights and an ISO date-time otherwise", () => {
  assert.equal(msToAsOf(1614556800000), "2021-03-01");
  assert.equal(msToAsOf(1614609000000), "2021-03-01T14:30:00.000Z");
});

Deno.test("toRecord() maps each event to the documented event_type, category and action", () => {
  const cases: [AuditEvent, string, string, string | null][] = [
    [
      { type: "RegimeDetected", asOf, regime: "Goldilocks", confidence: 0.85 },
      "regime_detected",
      "regime",
      "detect",
    ],
    [
      {
        type: "RegimeChanged",
        asOf,
        from: "Goldilocks",
        to: "Deflation",
        severity: "critical",
        overrideAuthorizations: ["grace_period"],
      },
      "regime_transition",
      "regime",
      "transition",
    ],
    [
      { type: "ScanCompleted", asOf, asset: "AAPL", condition: "trending", confidence: 0.78 },
      "scan_result",
      "scanner",
      "scan",
    ],
    [
      { type: "AssetScored", asOf, asset: "AAPL", score: 0.857 },
      "asset_scored",
      "scoring",
      "score",
    ],
    [
      {
        type: "ActionApproved",
        asOf,
        asset: "AAPL",
        action: "open",
        rule: "holding_period",
        reason: "ok",
      },
      "protection_approved",
      "protection",
      "open",
    ],
    [
      {
        type: "ActionBlocked",
        asOf,
        asset: "AAPL",
        action: "close",
        rule: "grace_period",
        reason: "in grace",
      },
      "protection_blocked",
      "protection",
      "close",
    ],
    [
      { type: "PositionOpened", asOf, asset: "AAPL", sizeAfter: 0.12, reason: "r" },
      "position_open",
      "position",
      "open",
    ],
    [
      { type: "PositionClosed", asOf, asset: "AAPL", sizeBefore: 0.12, reason: "r" },
      "position_close",
      "position",
      "close",
    ],
    [
      {
        type: "PositionAdjusted",
        asOf,
        asset: "AAPL",
        sizeBefore: 0.12,
        sizeAfter: 0.1,
        reason: "r",
      },
      "position_adjust",
      "position",
      "adjust",
    ],
    [
      {
        type: "PositionDecayed",
        asOf,
        asset: "AAPL",
        sizeBefore: 0.1,
        sizeAfter: 0.08,
        reason: "r",
      },
      "position_decay",
      "position",
      "decay",
    ],
    [
      { type: "OrderPlaced", asOf, asset: "AAPL", orderId: 1, side: "buy", shares: 10 },
      "order_placed",
      "order",
      "buy",
    ],
    [
      {
        type: "OrderFilled",
        asOf,
        asset: "AAPL",
        orderId: 1,
        side: "sell",
        shares: 10,
        price: 100,
        commission: 1,
      },
      "order_filled",
      "order",
      "sell",
    ],
    [
      {
        type: "OrderRejected",
        asOf,
        asset: "AAPL",
        orderId: 1,
        side: "buy",
        shares: 10,
        filled: 0,
        outcome: "rejected",
        reason: "no cash",
      },
      "order_rejected",
      "order",
      "buy",
    ],
    [
      { type: "CustomEvent", asOf, eventType: "custom_analysis", reason: "done" },
      "custom_analysis",
      "custom",
      null,
    ],
  ];
  for (const [event, eventType, category, action] of cases) {
    const record = toRecord(event, context);
    assert.deepEqual([record.eventType, record.category, record.action], [
      eventType,
      category,
      action,
    ], event.type);
  }
});

Deno.test("toRecord() stamps the context and puts event-specific fields into metadata over the caller's", () => {
  const record = toRecord({
    type: "RegimeChanged",
    asOf,
    from: "Goldilocks",
    to: "Deflation",
    severity: "critical",
    overrideAuthorizations: ["grace_period", "holding_period"],
    metadata: { note: "x", regime: "ignored" },
  }, context);
  assert.equal(record.runId, "r1");
  assert.equal(record.sessionSeq, 3);
  assert.equal(record.traceId, "t3");
  assert.equal(record.recordedAt, 42);
  assert.equal(record.regime, "Goldilocks");
  assert.equal(record.asOfMs, 1614556800000);
  assert.deepEqual(record.metadata, {
    note: "x",
    regime: "Deflation",
    from_regime: "Goldilocks",
    severity: "critical",
    override_authorizations: ["grace_period", "holding_period"],
  });
});

Deno.test("toRecord() fills the seed's score and size columns from the event", () => {
  const verdict = toRecord({
    type: "ActionBlocked",
    asOf,
    asset: "AAPL",
    action: "close",
    rule: "grace_period",
    reason: "decaying",
    score: 0.55,
    sizeBefore: 0.1,
    sizeAfter: 0.08,
    executionTimeMs: 0.4,
  }, context);
  assert.deepEqual(
    [
      verdict.scoreBefore,
      verdict.scoreAfter,
      verdict.sizeBefore,
      verdict.sizeAfter,
      verdict.executionTimeMs,
      verdict.metadata,
    ],
    [null, 0.55, 0.1, 0.08, 0.4, { rule: "grace_period" }],
  );
  const scored = toRecord({
    type: "AssetScored",
    asOf,
    asset: "AAPL",
    score: 0.857,
    previousScore: 0.7,
  }, context);
  assert.deepEqual([scored.scoreBefore, scored.scoreAfter, scored.metadata], [0.7, 0.857, null]);
});
