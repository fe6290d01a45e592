import assert from "node:assert/strict";
import { holdingPeriod } from "./holding_period.ts";
import { ProtectionOrchestrator } from "./orchestrator.ts";
import { PROTECTION_ACTIONS } from "./request.ts";

const HOUR = 3_600_000;

Deno.test("holdingPeriod() blocks a close until 3 days are held", () => {
  const protection = new ProtectionOrchestrator([holdingPeriod()]);
  protection.record({ kind: "positionOpened", asset: "GLD", t: 10, size: 0.05 });
  const close = (t: number) =>
    protection.canExecute({ asset: "GLD", action: "close", t, date: "" });
  // Days held = t - 10 (by hand): 0, 1, 2 are under the minimum of 3.
  for (const t of [10, 11, 12]) {
    const verdict = close(t);
    assert.deepEqual([verdict.approved, verdict.rule], [false, "holding_period"], `t=${t}`);
  }
  assert.equal(close(13).approved, true);
});

Deno.test("holdingPeriod() never holds back open, adjust or decay", () => {
  const protection = new ProtectionOrchestrator([holdingPeriod({ holdingDays: 30 })]);
  protection.record({ kind: "positionOpened", asset: "GLD", t: 10, size: 0.05 });
  for (const action of PROTECTION_ACTIONS.filter((a) => a !== "close")) {
    assert.equal(protection.canExecute({ asset: "GLD", action, t: 10, date: "" }).approved, true);
  }
});

Deno.test("holdingPeriod() with holdingDays 0 allows a same-day close", () => {
  const protection = new ProtectionOrchestrator([holdingPeriod({ holdingDays: 0 })]);
  protection.record({ kind: "positionOpened", asset: "GLD", t: 10, size: 0.05 });
  assert.equal(
    protection.canExecute({ asset: "GLD", action: "close", t: 10, date: "" }).approved,
    true,
  );
});

Deno.test("holdingPeriod() counts hours from epoch ms on intraday bars", () => {
  const protection = new ProtectionOrchestrator([holdingPeriod({ holdingHours: 4 })]);
  const opened = Date.UTC(2024, 0, 2, 14, 30);
  protection.record({ kind: "positionOpened", asset: "GLD", t: 0, size: 0.05, timeMs: opened });
  const close = (timeMs: number) =>
    protection.canExecute({ asset: "GLD", action: "close", t: 0, date: "2024-01-02", timeMs });
  assert.equal(close(opened + 3 * HOUR).approved, false);
  assert.equal(close(opened + 4 * HOUR).approved, true);
});

Deno.test("holdingPeriod() in hours throws when a request carries no timeMs", () => {
  const protection = new ProtectionOrchestrator([holdingPeriod({ holdingHours: 4 })]);
  protection.record({ kind: "positionOpened", asset: "GLD", t: 0, size: 0.05, timeMs: 0 });
  assert.throws(
    () => protection.canExecute({ asset: "GLD", action: "close", t: 1, date: "" }),
    TypeError,
  );
});

Deno.test("holdingPeriod() rejects bad options at construction", () => {
  assert.throws(() => holdingPeriod({ holdingDays: 2.5 }), RangeError);
  assert.throws(() => holdingPeriod({ holdingHours: -1 }), RangeError);
});
