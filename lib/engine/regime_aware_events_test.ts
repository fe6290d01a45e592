import assert from "node:assert/strict";
import type { AuditEvent } from "../audit/events.ts";
import type { ScanResult } from "../market/scanner_result.ts";
import { type CombinedScore, combinedScore } from "../portfolio/combined_score.ts";
import type { Proposal } from "../portfolio/proposal.ts";
import type { ProtectionAction } from "../protection/request.ts";
import type { Verdict } from "../protection/verdict.ts";
import { changeEvents, rebalanceEvents, regimeEvents } from "./regime_aware_events.ts";
import type { PositionChange } from "./stages/protect_positions.ts";
import { testRegime, testScan, testTransition } from "./stages/_test_inputs.ts";

const ASOF = "2024-03-04";

function verdict(
  asset: string,
  action: ProtectionAction,
  approved: boolean,
  rule: string,
  size?: number,
): Verdict {
  return {
    approved,
    action,
    asset,
    t: 10,
    date: ASOF,
    rule,
    reason: `${rule}: ${approved ? "approved" : "blocked"}`,
    bypassed: [],
    ...(size === undefined ? {} : { modification: { size } }),
  };
}

function change(
  ticker: string,
  action: ProtectionAction,
  sizeBefore: number,
  proposed: number,
  sizeAfter: number,
  verdicts: Verdict[],
): PositionChange {
  return { ticker, action, sizeBefore, proposed, sizeAfter, verdicts };
}

const types = (events: readonly AuditEvent[]) => events.map((e) => e.type);

Deno.test("regimeEvents() records the regime, rounded to 6 places, with its buckets", () => {
  const regime = { ...testRegime("Goldilocks", ["Growth"]), confidence: 0.123456789 };
  assert.deepEqual(regimeEvents(ASOF, regime), [{
    type: "RegimeDetected",
    asOf: ASOF,
    regime: "Goldilocks",
    confidence: 0.123457,
    stability: 0.9,
    metadata: { source: "computed", buckets: ["Growth"], agreement: 1 },
  }]);
});

Deno.test("regimeEvents() adds RegimeChanged on the transition's day only", () => {
  const critical = testRegime("Goldilocks", ["Growth"], {
    transition: testTransition("Deflation", "Goldilocks", "critical"),
  });
  const [, changed] = regimeEvents(ASOF, critical);
  assert.deepEqual(changed, {
    type: "RegimeChanged",
    asOf: ASOF,
    from: "Deflation",
    to: "Goldilocks",
    severity: "critical",
    overrideAuthorizations: ["grace_period", "holding_period", "whipsaw"],
    reason: "Deflation -> Goldilocks (critical)",
    metadata: { override_authorizations: ["grace_period", "holding_period", "whipsaw"] },
  });
  const minor = testRegime("Reflation", [], {
    transition: testTransition("Goldilocks", "Reflation", "minor"),
  });
  const minorChange = regimeEvents(ASOF, minor)[1];
  assert.ok(minorChange?.type === "RegimeChanged");
  assert.deepEqual(minorChange.overrideAuthorizations, [], "no authority below critical");
  const dayAfter = testRegime("Reflation", [], {
    transition: testTransition("Goldilocks", "Reflation", "minor", 1),
  });
  assert.deepEqual(types(regimeEvents(ASOF, dayAfter)), ["RegimeDetected"]);
});

Deno.test("regimeEvents() names an unknown regime while warming up", () => {
  const events = regimeEvents(ASOF, testRegime(null, []));
  assert.deepEqual(types(events), ["RegimeDetected"]);
  assert.ok(events[0]?.type === "RegimeDetected" && events[0].regime === "unknown");
});

Deno.test("changeEvents() records the verdict, then the position event the change allowed", () => {
  const open = changeEvents(
    ASOF,
    change("AAA", "open", 0, 0.15, 0.15, [verdict("AAA", "open", true, "none")]),
    0.91,
  );
  assert.deepEqual(open, [
    {
      type: "ActionApproved",
      asOf: ASOF,
      asset: "AAA",
      action: "open",
      rule: "none",
      reason: "none: approved",
      score: 0.91,
      sizeBefore: 0,
      sizeAfter: 0.15,
      metadata: { proposed: 0.15, bypassed: [], overridden_by: null },
    },
    {
      type: "PositionOpened",
      asOf: ASOF,
      asset: "AAA",
      reason: "none: approved",
      sizeAfter: 0.15,
      scoreAfter: 0.91,
    },
  ]);
});

Deno.test("changeEvents() picks the position event by the sizes: open, close, adjust, decay", () => {
  const approve = (t: string, a: ProtectionAction) => [verdict(t, a, true, "none")];
  const last = (c: PositionChange) => changeEvents(ASOF, c).at(-1);
  assert.equal(
    last(change("A", "open", 0, 0.1, 0.1, approve("A", "open")))?.type,
    "PositionOpened",
  );
  const closed = last(change("A", "close", 0.1, 0, 0, approve("A", "close")));
  assert.deepEqual(closed, {
    type: "PositionClosed",
    asOf: ASOF,
    asset: "A",
    reason: "none: approved",
    sizeBefore: 0.1,
  });
  const adjusted = last(change("A", "adjust", 0.1, 0.12, 0.12, approve("A", "adjust")));
  assert.equal(adjusted?.type, "PositionAdjusted");
  const decay = change("A", "decay", 0.1, 0, 0.064, [
    verdict("A", "close", false, "grace_period"),
    verdict("A", "decay", true, "grace_period", 0.064),
  ]);
  const events = changeEvents(ASOF, decay);
  assert.deepEqual(types(events), ["ActionBlocked", "ActionApproved", "PositionDecayed"]);
  // The blocked close keeps the size; the decay verdict carries the decayed size.
  assert.ok(events[0]?.type === "ActionBlocked" && events[0].sizeAfter === 0.1);
  assert.ok(events[1]?.type === "ActionApproved" && events[1].sizeAfter === 0.064);
  assert.deepEqual(events[2], {
    type: "PositionDecayed",
    asOf: ASOF,
    asset: "A",
    reason: "grace_period: approved",
    sizeBefore: 0.1,
    sizeAfter: 0.064,
  });
});

Deno.test("changeEvents() records no position event for a blocked change", () => {
  const blocked = change("A", "close", 0.1, 0, 0.1, [
    verdict("A", "close", false, "holding_period"),
  ]);
  assert.deepEqual(types(changeEvents(ASOF, blocked)), ["ActionBlocked"]);
});

Deno.test("rebalanceEvents() lists regime, scans of the universe and changes, scores, exceptions, changes", () => {
  const scans = new Map<string, ScanResult>([
    ["AAA", testScan("AAA", "trending", 0.8, 0.5)],
    ["OLD", testScan("OLD", "breakdown", 0.7, 0.5, "down")],
    ["FAR", testScan("FAR", "ranging", 0.4, 0.1)],
  ]);
  const scores = new Map<string, CombinedScore>([
    ["AAA", combinedScore(0.87, null)],
    ["OLD", combinedScore(0.2, null)],
  ]);
  const none = {};
  const proposal: Proposal = {
    weights: { AAA: 0.15 },
    selected: [],
    dropped: [],
    exceptions: [{ ticker: "AAA", rule: "bucket_weight", reason: "core asset" }],
    bucketsScaled: [],
    residualAllocated: 0,
    residual: 0.8,
    stages: { raw: none, stage1: none, stage2: none, afterBuckets: none, final: none },
  };
  const events = rebalanceEvents({
    date: ASOF,
    regime: testRegime("Goldilocks", ["Growth"]),
    scans,
    universe: {
      tickers: ["AAA"],
      members: [{
        ticker: "AAA",
        reason: "trending",
        buckets: ["Growth"],
        condition: "trending",
        confidence: 0.8,
        rank: 0.8,
      }],
      excluded: [],
    },
    scores,
    proposal,
    changes: [
      change("AAA", "open", 0, 0.15, 0.15, [verdict("AAA", "open", true, "none")]),
      change("OLD", "close", 0.1, 0, 0, [verdict("OLD", "close", true, "none")]),
    ],
    previousScores: new Map([["OLD", 0.55]]),
  });
  assert.deepEqual(types(events), [
    "RegimeDetected",
    "ScanCompleted", // AAA, a universe member
    "ScanCompleted", // OLD, changed (FAR is neither: no event)
    "AssetScored",
    "AssetScored",
    "CustomEvent",
    "ActionApproved",
    "PositionOpened",
    "ActionApproved",
    "PositionClosed",
  ]);
  const scanned = events.filter((e) => e.type === "ScanCompleted").map((e) => e.asset);
  assert.deepEqual(scanned, ["AAA", "OLD"]);
  const scored = events.filter((e) => e.type === "AssetScored");
  assert.ok(scored[0]?.type === "AssetScored" && scored[0].previousScore === undefined);
  assert.ok(scored[1]?.type === "AssetScored" && scored[1].previousScore === 0.55);
  assert.deepEqual(events[5], {
    type: "CustomEvent",
    eventType: "sizing_exception",
    category: "scoring",
    asOf: ASOF,
    asset: "AAA",
    action: "bucket_weight",
    reason: "core asset",
  });
  const opened = events[7];
  assert.ok(opened?.type === "PositionOpened" && opened.scoreAfter === 0.87, "the score travels");
});
