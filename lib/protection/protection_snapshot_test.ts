import assert from "node:assert/strict";
import fc from "fast-check";
import { createOrchestrator } from "./create_orchestrator.ts";
import type { ProtectionOrchestrator } from "./orchestrator.ts";
import {
  ASSET_DAY_FIELDS,
  ASSET_LIST_FIELDS,
  ASSET_NUMBER_FIELDS,
  type ProtectionSnapshot,
} from "./protection_snapshot.ts";
import { PROTECTION_ACTIONS } from "./request.ts";
import { AssetState } from "./state.ts";
import { ASSETS, daysArb, factOf, type Step } from "./_test_facts.ts";

type Day = { readonly gap: number; readonly steps: readonly Step[] };

/** Runs `days` from day index `t0` on `protection`; the verdicts and each asset's status, with day indices made relative to `t0`. */
function runDays(
  protection: ProtectionOrchestrator,
  days: readonly Day[],
  t0: number,
  open: Set<string>,
): unknown[] {
  const seen: unknown[] = [];
  let t = t0;
  for (const day of days) {
    t += day.gap;
    for (const step of day.steps) {
      const fact = factOf(step, t, open);
      if (fact !== undefined) protection.record(fact);
      else if (step.kind === "request") {
        const asset = ASSETS[step.asset] ?? "A";
        const action = PROTECTION_ACTIONS[step.action] ?? "open";
        const v = protection.canExecute({ asset, action, t, date: "" });
        seen.push({ ...v, t: v.t - t0 });
      }
    }
    for (const asset of ASSETS) {
      const s = protection.status(asset, t);
      seen.push(JSON.stringify({ ...s, t: s.t - t0 }, (k, v) =>
        // Day indices in rule reports (grace start, core since/until) shift with the Panel.
        typeof v === "number" && /T$/.test(k) ? v - t0 : v));
    }
  }
  return seen;
}

Deno.test("every field of an asset's protection record is carried by the snapshot", () => {
  const covered = new Set<string>([
    "asset",
    "open",
    ...ASSET_DAY_FIELDS,
    ...ASSET_NUMBER_FIELDS,
    ...Object.keys(ASSET_LIST_FIELDS),
  ]);
  assert.deepEqual(Object.keys(new AssetState("X")).sort(), [...covered].sort());
});

Deno.test("an orchestrator restored from a snapshot decides as the one that took it, on a shifted day index (property)", () => {
  let restoredDecisions = 0;
  fc.assert(
    fc.property(
      daysArb,
      fc.nat(30),
      fc.integer({ min: -200, max: 200 }),
      (days, cutAt, shift) => {
        const cut = Math.min(cutAt, days.length - 1);
        const before = days.slice(0, cut), after = days.slice(cut);
        const t0 = 300;
        // One orchestrator through every day.
        const whole = createOrchestrator();
        const open = new Set<string>();
        runDays(whole, before, t0, open);
        const anchor = t0 + before.reduce((n, d) => n + d.gap, 0);
        const expected = runDays(whole, after, anchor, new Set(open));
        // Another through the first days, then a snapshot through JSON into a third at anchor + shift.
        const first = createOrchestrator();
        runDays(first, before, t0, new Set());
        const snapshot: ProtectionSnapshot = JSON.parse(JSON.stringify(first.snapshot(anchor)));
        const restored = createOrchestrator();
        restored.restore(snapshot, anchor + shift);
        const actual = runDays(restored, after, anchor + shift, new Set(open));
        assert.deepEqual(actual, expected);
        assert.deepEqual(restored.metrics(), whole.metrics());
        assert.deepEqual(restored.coreAssets(anchor + shift + 1), whole.coreAssets(anchor + 1));
        restoredDecisions += restored.metrics().decisions;
      },
    ),
    { numRuns: 200 },
  );
  assert.ok(restoredDecisions > 1000, `only ${restoredDecisions} decisions were compared`);
});

Deno.test("a restored state refuses a fact older than its last one", () => {
  const p = createOrchestrator();
  p.record({ kind: "positionOpened", asset: "A", t: 10, size: 0.1 });
  const restored = createOrchestrator();
  restored.restore(p.snapshot(10), 50);
  assert.throws(
    () => restored.record({ kind: "scoreObserved", asset: "A", t: 49, score: 0.5 }),
    /facts must arrive in time order/,
  );
  assert.throws(
    () => restored.record({ kind: "positionOpened", asset: "A", t: 51, size: 0.1 }),
    /position must be closed: current value is open since t=50/,
  );
});
