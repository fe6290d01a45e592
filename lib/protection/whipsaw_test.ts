import assert from "node:assert/strict";
import { ProtectionOrchestrator } from "./orchestrator.ts";
import { ProtectionState } from "./state.ts";
import { recentCycles, whipsaw } from "./whipsaw.ts";

const HOUR = 3_600_000;

function whipsawOnly(options: Parameters<typeof whipsaw>[0] = {}) {
  const protection = new ProtectionOrchestrator([whipsaw(options)]);
  const open = (t: number) => protection.canExecute({ asset: "TLT", action: "open", t, date: "" });
  return { protection, open };
}

Deno.test("whipsaw() allows one cycle per 14 days: a position closed on day 3 reopens on day 17", () => {
  const { protection, open } = whipsawOnly();
  assert.equal(open(0).approved, true);
  protection.record({ kind: "positionOpened", asset: "TLT", t: 0, size: 0.1 });
  protection.record({ kind: "positionClosed", asset: "TLT", t: 3 });
  // Window of day t is (t - 14, t]: it holds the close of day 3 up to t = 16 (by hand).
  for (let t = 3; t <= 16; t++) {
    const verdict = open(t);
    assert.deepEqual([verdict.approved, verdict.rule], [false, "whipsaw"], `t=${t}`);
  }
  assert.equal(open(17).approved, true);
});

Deno.test("whipsaw() with maxCycles 2 blocks the third cycle until the first ages out", () => {
  const { protection, open } = whipsawOnly({ maxCycles: 2, windowDays: 10 });
  protection.record({ kind: "positionOpened", asset: "TLT", t: 0, size: 0.1 });
  protection.record({ kind: "positionClosed", asset: "TLT", t: 2 });
  assert.equal(open(4).approved, true);
  protection.record({ kind: "positionOpened", asset: "TLT", t: 4, size: 0.1 });
  protection.record({ kind: "positionClosed", asset: "TLT", t: 6 });
  // Closes on days 2 and 6; window (t - 10, t] drops day 2 at t = 12.
  assert.equal(open(11).approved, false);
  assert.equal(open(12).approved, true);
});

Deno.test("whipsaw() blocks the close of a position held under 4 hours", () => {
  const { protection } = whipsawOnly();
  const opened = Date.UTC(2024, 0, 2, 14, 30);
  protection.record({ kind: "positionOpened", asset: "TLT", t: 0, size: 0.1, timeMs: opened });
  const close = (t: number, timeMs?: number) =>
    protection.canExecute({
      asset: "TLT",
      action: "close",
      t,
      date: "",
      ...(timeMs === undefined ? {} : { timeMs }),
    });
  assert.equal(close(0, opened + 3.5 * HOUR).approved, false);
  assert.equal(close(0, opened + 4 * HOUR).approved, true);
  // Without ms, hours held are days × 24: a same-day close is 0 hours, the next day 24.
  assert.equal(close(0).approved, false);
  assert.equal(close(1).approved, true);
});

Deno.test("whipsaw() keeps the cycle history and reports it in the status", () => {
  const { protection } = whipsawOnly();
  protection.record({ kind: "positionOpened", asset: "TLT", t: 0, size: 0.1 });
  protection.record({ kind: "positionClosed", asset: "TLT", t: 3 });
  protection.record({ kind: "positionOpened", asset: "TLT", t: 30, size: 0.1 });
  protection.record({ kind: "positionClosed", asset: "TLT", t: 35 });
  const report = protection.status("TLT", 40).protections.whipsaw;
  assert.deepEqual(report, {
    enabled: true,
    cyclesRecent: 1,
    maxCycles: 1,
    windowDays: 14,
    canOpen: false,
    cyclesTotal: 2,
    lastCycle: { openT: 30, closeT: 35 },
  });
});

Deno.test("recentCycles() ignores cycles that closed after day t", () => {
  const state = new ProtectionState();
  state.record({ kind: "positionOpened", asset: "TLT", t: 0, size: 1 });
  state.record({ kind: "positionClosed", asset: "TLT", t: 5 });
  const tlt = state.getOrCreate("TLT");
  assert.equal(recentCycles(tlt, 4, 14), 0);
  assert.equal(recentCycles(tlt, 5, 14), 1);
});

Deno.test("whipsaw() rejects bad options at construction", () => {
  assert.throws(() => whipsaw({ maxCycles: 0 }), RangeError);
  assert.throws(() => whipsaw({ windowDays: 1.5 }), RangeError);
  assert.throws(() => whipsaw({ minPositionHours: Number.NaN }), RangeError);
});
