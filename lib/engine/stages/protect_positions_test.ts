import assert from "node:assert/strict";
import { flat, testPanel } from "../_test_panel.ts";
import type { Proposal } from "../../portfolio/proposal.ts";
import { createOrchestrator } from "../../protection/create_orchestrator.ts";
import type { ProtectionAction } from "../../protection/request.ts";
import type { Verdict } from "../../protection/verdict.ts";
import type { RebalanceBase } from "./context.ts";
import {
  closeOrDecay,
  fitExposure,
  type ProtectionGate,
  protectPositions,
} from "./protect_positions.ts";

const panel = testPanel({ A: Array.from({ length: 10 }, () => flat(10)) });

function base(t: number, weights: Record<string, number>): RebalanceBase {
  return { t, date: panel.dateAt(t), view: panel.view(t), weights, held: Object.keys(weights) };
}

function proposal(weights: Record<string, number>): Proposal {
  const none = {};
  return {
    weights,
    selected: [],
    dropped: [],
    exceptions: [],
    bucketsScaled: [],
    residualAllocated: 0,
    residual: 0,
    stages: { raw: none, stage1: none, stage2: none, afterBuckets: none, final: none },
  };
}

type Answer = { approved: boolean; rule: string; size?: number };

/** A gate answering from a script ("ticker action" -> answer), approving what it does not name. */
function scriptedGate(script: Record<string, Answer>): ProtectionGate & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    canExecute: ({ asset, action, t, date }) => {
      const key = `${asset} ${action}`;
      asked.push(key);
      const a = script[key] ?? { approved: true, rule: "none" };
      const verdict: Verdict = {
        approved: a.approved,
        action: action as ProtectionAction,
        asset,
        t,
        date,
        rule: a.rule,
        reason: `${a.rule} says ${a.approved ? "yes" : "no"}`,
        bypassed: [],
        ...(a.size === undefined ? {} : { modification: { size: a.size } }),
      };
      return verdict;
    },
  };
}

const near = (a: number | undefined, b: number) => Math.abs((a ?? NaN) - b) < 1e-12;

Deno.test("protectPositions() applies each verdict and scales approved growth to the exposure cap", () => {
  const gate = scriptedGate({ "A close": { approved: false, rule: "holding_period" } });
  // Held: A 0.30, B 0.30, D 0.10, E 0.002. Proposed: B 0.40, C 0.40 (new), E 0.004 (a change
  // of 0.002, under the 0.005 minimum), F 0.003 (new, under the minimum); A and D to zero.
  const stage = protectPositions(gate, { minTradeWeight: 0.005, maxExposure: 0.95 });
  const out = stage.run({
    ...base(3, { A: 0.30, B: 0.30, D: 0.10, E: 0.002 }),
    proposal: proposal({ B: 0.40, C: 0.40, E: 0.004, F: 0.003 }),
  });
  assert.ok(!("skip" in out));
  assert.deepEqual(gate.asked, ["A close", "B adjust", "D close", "C open"], "E and F not asked");
  assert.deepEqual(
    out.changes.map((c) => [c.ticker, c.action, c.sizeBefore, c.proposed, c.sizeAfter]),
    [
      ["A", "close", 0.30, 0, 0.30], // blocked: kept
      ["B", "adjust", 0.30, 0.40, 0.40],
      ["D", "close", 0.10, 0, 0],
      ["C", "open", 0, 0.40, 0.40],
    ],
  );
  // Before fitting: A 0.30 + B 0.40 + C 0.40 + E 0.002 = 1.102, over 0.95 by 0.152. Growth of
  // the approved B and C: 0.10 + 0.40 = 0.50, scaled by (0.50 - 0.152) / 0.50 = 0.696:
  // B = 0.30 + 0.10 * 0.696 = 0.3696, C = 0.40 * 0.696 = 0.2784; A and E stay.
  assert.ok(near(out.scaledBy, 0.696));
  assert.deepEqual(Object.keys(out.targets).sort(), ["A", "B", "C", "E"]);
  assert.equal(out.targets.A, 0.30);
  assert.equal(out.targets.E, 0.002);
  assert.ok(near(out.targets.B, 0.3696));
  assert.ok(near(out.targets.C, 0.2784));
  assert.ok(near(Object.values(out.targets).reduce((x, y) => x + y, 0), 0.95));
});

Deno.test("protectPositions() keeps a blocked open out and takes a modified size", () => {
  const gate = scriptedGate({
    "N open": { approved: false, rule: "whipsaw" },
    "H adjust": { approved: true, rule: "custom", size: 0.12 },
  });
  const out = protectPositions(gate, { minTradeWeight: 0.005, maxExposure: 0.95 }).run({
    ...base(1, { H: 0.10 }),
    proposal: proposal({ H: 0.20, N: 0.10 }),
  });
  assert.ok(!("skip" in out));
  assert.deepEqual(out.targets, { H: 0.12 });
  assert.equal(out.scaledBy, 1, "0.12 is under the cap");
  assert.deepEqual(out.changes.map((c) => [c.ticker, c.sizeAfter]), [["H", 0.12], ["N", 0]]);
});

Deno.test("protectPositions() decays a position in grace instead of closing it", () => {
  // The real rules: opened at 0.10 on day 0; a score of 0.4 < 0.6 on day 5 starts grace.
  const protection = createOrchestrator();
  protection.record({ kind: "positionOpened", asset: "X", t: 0, size: 0.10 });
  protection.record({ kind: "scoreObserved", asset: "X", t: 5, score: 0.4 });
  const out = protectPositions(protection, { minTradeWeight: 0.005, maxExposure: 0.95 }).run({
    ...base(7, { X: 0.08 }),
    proposal: proposal({}),
  });
  assert.ok(!("skip" in out));
  const [change] = out.changes;
  // Day 7 is the 2nd day of grace: 0.10 * 0.8^2 = 0.064.
  assert.equal(change?.action, "decay");
  assert.deepEqual(change?.verdicts.map((v) => [v.action, v.approved, v.rule]), [
    ["close", false, "grace_period"],
    ["decay", true, "grace_period"],
  ]);
  assert.ok(near(change?.sizeAfter, 0.064));
  assert.ok(near(out.targets.X, 0.064));
});

Deno.test("closeOrDecay() closes when approved and keeps the size when another rule blocks", () => {
  const day = { t: 4, date: panel.dateAt(4) };
  const approved = closeOrDecay(scriptedGate({}), day, "A", 0.2);
  assert.deepEqual([approved.action, approved.sizeAfter, approved.verdicts.length], [
    "close",
    0,
    1,
  ]);
  const held = closeOrDecay(
    scriptedGate({ "A close": { approved: false, rule: "core_asset" } }),
    day,
    "A",
    0.2,
  );
  assert.deepEqual([held.action, held.sizeAfter], ["close", 0.2]);
});

Deno.test("closeOrDecay() never grows a position: a decayed size above it is capped at it", () => {
  const gate = scriptedGate({
    "A close": { approved: false, rule: "grace_period" },
    "A decay": { approved: true, rule: "grace_period", size: 0.08 },
  });
  const c = closeOrDecay(gate, { t: 4, date: panel.dateAt(4) }, "A", 0.05);
  assert.deepEqual([c.action, c.sizeBefore, c.sizeAfter], ["decay", 0.05, 0.05]);
});

Deno.test("fitExposure() leaves targets under the cap alone", () => {
  const targets = { A: 0.5, B: 0.4 };
  assert.equal(fitExposure(targets, new Set(["B"]), { A: 0.5 }, 0.95), 1);
  assert.deepEqual(targets, { A: 0.5, B: 0.4 });
});

Deno.test("fitExposure() undoes all growth and scales everything when kept positions exceed the cap", () => {
  // A 0.6 and B 0.5 are kept (blocked closes), C was to grow from 0 to 0.2. Total 1.3 exceeds
  // 0.95 by 0.35, more than C's growth of 0.2: C goes back to 0, and the rest (1.1) is
  // scaled by 0.95 / 1.1.
  const targets: Record<string, number> = { A: 0.6, B: 0.5, C: 0.2 };
  assert.equal(fitExposure(targets, new Set(["C"]), { A: 0.6, B: 0.5 }, 0.95), 0);
  assert.ok(near(targets.A, 0.6 * 0.95 / 1.1));
  assert.ok(near(targets.B, 0.5 * 0.95 / 1.1));
  assert.equal(targets.C, 0);
});
