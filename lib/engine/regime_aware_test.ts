import assert from "node:assert/strict";
import { AuditLog } from "../audit/audit_log.ts";
import { MemorySink } from "../audit/event_sink.ts";
import type { RegimeContext } from "../market/regime.ts";
import type { ScanResult } from "../market/scanner_result.ts";
import { createOrchestrator } from "../protection/create_orchestrator.ts";
import { flat, testPanel } from "./_test_panel.ts";
import { type RebalanceRecord, regimeAware } from "./regime_aware.ts";
import { REGIME_AWARE_DEFAULTS } from "./regime_aware_options.ts";
import { runBacktest } from "./run_backtest.ts";
import { testRegime, testScan, testTransition } from "./stages/_test_inputs.ts";

// 20 calendar days from Monday 2024-01-01: weeks start on t = 0, 7 and 14.
// AAA is flat at 100. BBB is 100 to day 8 and 200 from day 9 (flat bars).
const DAYS = 20;
const panel = testPanel({
  AAA: Array.from({ length: DAYS }, () => flat(100)),
  BBB: Array.from({ length: DAYS }, (_, t) => flat(t < 9 ? 100 : 200)),
  CCC: Array.from({ length: DAYS }, () => flat(50)),
});
const options = { ...REGIME_AWARE_DEFAULTS, buckets: { Growth: ["AAA", "BBB", "CCC"] } };

// Scores by hand (stages/_test_inputs.ts): AAA 0.5 + 0.4 * 0.9 + 0.1 * 0.5 = 0.91 every day;
// BBB 0.88 (trending up, 0.8 / 0.6) to day 8, then breaking down: 0.5 - 0.2 - 0.05 = 0.25;
// CCC ranging (0.5), never in the universe.
function scanAt(asset: number, t: number): ScanResult | undefined {
  if (asset === 0) return testScan("AAA", "trending", 0.9, 0.5);
  if (asset === 1) {
    return t < 9
      ? testScan("BBB", "trending", 0.8, 0.6)
      : testScan("BBB", "breakdown", 0.5, 0.5, "down");
  }
  return testScan("CCC", "ranging", 0.5, 0.1);
}

/** Day 0 warms up; Goldilocks activates Growth after, with `onDay` overriding a day. */
function regimeSource(onDay: Record<number, RegimeContext> = {}) {
  return {
    atIndex: (t: number) =>
      onDay[t] ?? (t === 0 ? testRegime(null, []) : testRegime("Goldilocks", ["Growth"])),
  };
}

function run(regime = regimeSource(), audit?: AuditLog) {
  const protection = createOrchestrator();
  const strategy = regimeAware(options, {
    regime,
    scans: { resultAt: scanAt },
    protection,
    ...(audit ? { audit } : {}),
  });
  const result = runBacktest({ panel, strategy, cash: 100_000 });
  return { strategy, protection, result };
}

const near = (a: number | undefined, b: number) => Math.abs((a ?? NaN) - b) < 1e-9;
const summary = (r: RebalanceRecord) => [r.date, r.kind, r.skipped ?? null];

Deno.test("regimeAware() rebalances on the first day of each week and decays grace positions between", () => {
  const { strategy, result } = run();
  assert.deepEqual(strategy.records.map(summary), [
    [
      "2024-01-01",
      "rebalance",
      "regime warming up: not enough history to read growth and inflation",
    ],
    ["2024-01-08", "rebalance", null],
    ["2024-01-11", "decay", null],
    ["2024-01-12", "decay", null],
    ["2024-01-13", "decay", null],
    ["2024-01-14", "decay", null],
    ["2024-01-15", "rebalance", null],
  ]);
  // Day 7: AAA 0.91 and BBB 0.88 are both capped at 0.15 (the residual finds no room).
  assert.deepEqual(strategy.records[1]?.targets, { AAA: 0.15, BBB: 0.15 });
  // Day 9: BBB doubles (value 70,000 cash + 15,000 AAA + 30,000 BBB = 115,000; BBB weight
  // 30,000 / 115,000) and scores 0.25 < 0.6: grace starts from that weight, 0.8^d a day.
  const w = 30_000 / 115_000;
  const bbb = strategy.records.slice(2, 6).map((r) => r.changes.find((c) => c.ticker === "BBB"));
  assert.ok(near(bbb[0]?.sizeAfter, w * 0.8), "day 10: 0.8 of the weight grace started from");
  assert.ok(near(bbb[1]?.sizeAfter, w * 0.64));
  assert.ok(near(bbb[2]?.sizeAfter, w * 0.512));
  // Day 13, the 4th day of grace: grace has expired and the position closes, off schedule.
  assert.equal(bbb[3]?.action, "close");
  assert.equal(bbb[3]?.sizeAfter, 0);
  assert.equal(bbb[3]?.verdicts[0]?.reason, "grace expired");
  assert.equal(strategy.records[5]?.targets?.BBB, undefined);
  // Shares: 150 bought at 100; then 0.8 w x 115,000 / 200 = 120, then 96, 76.8 -> 77 (the
  // nearest share, the broker's default rounding), 0.
  const bbbFills = result.fills.filter((f) => f.ticker === "BBB").map((
    f,
  ) => [f.date, f.side, f.size]);
  assert.deepEqual(bbbFills, [
    ["2024-01-09", "buy", 150],
    ["2024-01-12", "sell", 30],
    ["2024-01-13", "sell", 24],
    ["2024-01-14", "sell", 19],
    ["2024-01-15", "sell", 77],
  ]);
  // Day 14: AAA alone, back to 0.15 (it had drifted to 15,000 / 115,000).
  assert.deepEqual(strategy.records[6]?.targets, { AAA: 0.15 });
});

Deno.test("regimeAware() tells the protection rules about fills: openings, closings, cycles", () => {
  const { protection } = run();
  const aaa = protection.status("AAA", 19).protections;
  assert.equal(aaa.holding_period?.entryT, 8, "AAA seen held from day 8, the day it filled");
  const bbb = protection.status("BBB", 19).protections;
  assert.equal(bbb.holding_period?.open, false);
  assert.deepEqual(bbb.whipsaw?.lastCycle, { openT: 8, closeT: 14 }, "sold at day 14's open");
  assert.equal(bbb.grace_period?.active, false);
  assert.equal(protection.metrics().blocksByRule.grace_period, 4, "closes blocked days 9 to 12");
});

Deno.test("regimeAware() records every decision, and a transition between rebalances, in the audit log", async () => {
  const sink = new MemorySink();
  const audit = await AuditLog.start(sink, {
    configHash: "c",
    dataHash: "d",
    codeVersion: "test",
    asOf: "2024-01-01",
    clock: () => 0,
  });
  // A minor transition on Thursday 2024-01-04 (day 3), between rebalances and before any position.
  const reflation = testRegime("Reflation", ["Growth"], {
    transition: testTransition("Goldilocks", "Reflation", "minor"),
  });
  run(regimeSource({ 3: reflation }), audit);
  const sessions = sink.events.filter((e) => e.eventType === "session_start");
  assert.deepEqual(sessions.map((e) => [new Date(e.asOfMs).toISOString().slice(0, 10), e.action]), [
    ["2024-01-01", "rebalance"],
    ["2024-01-04", "regime"],
    ["2024-01-08", "rebalance"],
    ["2024-01-11", "decay"],
    ["2024-01-12", "decay"],
    ["2024-01-13", "decay"],
    ["2024-01-14", "decay"],
    ["2024-01-15", "rebalance"],
  ]);
  const of = (type: string) => sink.events.filter((e) => e.eventType === type);
  assert.equal(of("rebalance_skipped").length, 1);
  assert.deepEqual(of("regime_transition").map((e) => e.reason), [
    "Goldilocks -> Reflation (minor)",
  ]);
  assert.equal(of("position_decay").length, 3);
  assert.deepEqual(of("position_close").map((e) => e.asset), ["BBB"]);
});
