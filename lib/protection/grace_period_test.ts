import assert from "node:assert/strict";
import { gracePeriod } from "./grace_period.ts";
import { ProtectionOrchestrator } from "./orchestrator.ts";
import type { ProtectionAction } from "./request.ts";

// The grace rule alone: expected sizes are the seed's rule, size × 0.8^days in grace, by hand.
function graceOnly(options: Parameters<typeof gracePeriod>[0] = {}) {
  const protection = new ProtectionOrchestrator([gracePeriod(options)]);
  const ask = (action: ProtectionAction, t: number) =>
    protection.canExecute({ asset: "XLE", action, t, date: "" });
  return { protection, ask };
}

function near(actual: number | undefined, expected: number): void {
  assert.ok(
    actual !== undefined && Math.abs(actual - expected) < 1e-12,
    `${actual} != ${expected}`,
  );
}

Deno.test("gracePeriod() decays the position by 20% a day: 1.0, 0.8, 0.64, 0.512, then close", () => {
  const { protection, ask } = graceOnly();
  protection.record({ kind: "positionOpened", asset: "XLE", t: 0, size: 1 });
  protection.record({ kind: "scoreObserved", asset: "XLE", t: 10, score: 0.5 });
  near(ask("decay", 10).modification?.size, 1);
  near(ask("decay", 11).modification?.size, 0.8);
  near(ask("decay", 12).modification?.size, 0.64);
  near(ask("decay", 13).modification?.size, 0.512);
  const blocked = ask("close", 13);
  assert.equal(blocked.approved, false);
  assert.equal(blocked.rule, "grace_period");
  const closed = ask("close", 14);
  assert.deepEqual([closed.approved, closed.rule, closed.reason], [
    true,
    "grace_period",
    "grace expired",
  ]);
  assert.equal(ask("decay", 14).modification?.size, 0);
});

Deno.test("gracePeriod() ends grace when the score recovers to the threshold", () => {
  const { protection, ask } = graceOnly();
  protection.record({ kind: "positionOpened", asset: "XLE", t: 0, size: 1 });
  protection.record({ kind: "scoreObserved", asset: "XLE", t: 10, score: 0.59 });
  assert.equal(ask("close", 11).approved, false);
  protection.record({ kind: "scoreObserved", asset: "XLE", t: 12, score: 0.6 });
  const close = ask("close", 12);
  assert.deepEqual([close.approved, close.rule], [true, "none"]);
  const decay = ask("decay", 12);
  assert.deepEqual([decay.approved, decay.reason], [false, "no grace period to decay"]);
  assert.equal(protection.status("XLE", 12).protections.grace_period?.active, false);
});

Deno.test("gracePeriod() keeps the first start day while the score stays low", () => {
  const { protection, ask } = graceOnly();
  protection.record({ kind: "positionOpened", asset: "XLE", t: 0, size: 1 });
  for (const t of [10, 11, 12]) {
    protection.record({ kind: "scoreObserved", asset: "XLE", t, score: 0.3 });
  }
  near(ask("decay", 12).modification?.size, 0.64);
});

Deno.test("gracePeriod() decays from the size at grace start, not from later resizes", () => {
  const { protection, ask } = graceOnly();
  protection.record({ kind: "positionOpened", asset: "XLE", t: 0, size: 0.2 });
  protection.record({ kind: "scoreObserved", asset: "XLE", t: 10, score: 0.5 });
  protection.record({ kind: "positionAdjusted", asset: "XLE", t: 11, size: 0.16 });
  // 0.2 × 0.8² = 0.128 (by hand), not 0.16 × 0.8² = 0.1024.
  near(ask("decay", 12).modification?.size, 0.128);
});

Deno.test("gracePeriod() starts no grace for an asset that is not held", () => {
  const { protection, ask } = graceOnly();
  protection.record({ kind: "scoreObserved", asset: "XLE", t: 10, score: 0.1 });
  assert.equal(ask("decay", 10).approved, false);
  assert.equal(protection.status("XLE", 10).protections.grace_period?.active, false);
});

Deno.test("gracePeriod() forgets grace when the position closes", () => {
  const { protection, ask } = graceOnly();
  protection.record({ kind: "positionOpened", asset: "XLE", t: 0, size: 1 });
  protection.record({ kind: "scoreObserved", asset: "XLE", t: 10, score: 0.1 });
  protection.record({ kind: "positionClosed", asset: "XLE", t: 14 });
  protection.record({ kind: "positionOpened", asset: "XLE", t: 20, size: 1 });
  const close = ask("close", 20);
  assert.deepEqual([close.approved, close.rule], [true, "none"]);
});

Deno.test("gracePeriod() honours graceDays 5 and a 0.9 decay factor", () => {
  const { protection, ask } = graceOnly({ graceDays: 5, decayFactor: 0.9, threshold: 0.5 });
  protection.record({ kind: "positionOpened", asset: "XLE", t: 0, size: 1 });
  protection.record({ kind: "scoreObserved", asset: "XLE", t: 1, score: 0.55 });
  assert.equal(ask("decay", 1).approved, false); // 0.55 is not below 0.5
  protection.record({ kind: "scoreObserved", asset: "XLE", t: 2, score: 0.45 });
  near(ask("decay", 7).modification?.size, 0.59049); // 0.9^5 by hand
  assert.equal(ask("close", 7).approved, false);
  assert.equal(ask("close", 8).reason, "grace expired");
});

Deno.test("gracePeriod() rejects bad options at construction", () => {
  assert.throws(() => gracePeriod({ graceDays: 0 }), {
    name: "RangeError",
    message:
      "Cannot build the grace period rule as graceDays must be an integer >= 1: current value is 0",
  });
  assert.throws(() => gracePeriod({ decayFactor: 1.2 }), RangeError);
  assert.throws(() => gracePeriod({ decayFactor: 0 }), RangeError);
  assert.throws(() => gracePeriod({ threshold: Number.NaN }), RangeError);
});
