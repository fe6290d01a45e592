import assert from "node:assert/strict";
import fc from "fast-check";
import { createOrchestrator } from "./create_orchestrator.ts";
import { PROTECTION_ACTIONS, type ProtectionAction } from "./request.ts";
import type { Verdict } from "./verdict.ts";
import { ASSETS, daysArb, factOf as _fact, type Step } from "./_test_facts.ts";

type Observed = {
  readonly t: number;
  readonly asset: string;
  readonly action: ProtectionAction;
  readonly verdict: Verdict;
};

function run(
  days: readonly { gap: number; steps: readonly Step[] }[],
  protection = createOrchestrator(),
): Observed[] {
  const open = new Set<string>();
  const seen: Observed[] = [];
  let t = 0;
  for (const day of days) {
    t += day.gap;
    for (const step of day.steps) {
      const fact = _fact(step, t, open);
      if (fact !== undefined) {
        protection.record(fact);
        continue;
      }
      if (step.kind !== "request") continue;
      const asset = ASSETS[step.asset] ?? "A";
      const action = PROTECTION_ACTIONS[step.action] ?? "open";
      seen.push({
        t,
        asset,
        action,
        verdict: protection.canExecute({ asset, action, t, date: `d${t}` }),
      });
    }
  }
  return seen;
}

/**
 * A model of core status written from the seed's rule, independent of the code under test:
 * designated by a score above 0.95 when not core (at most 3 at once), core for 90 days
 * inclusive, revoked when trailing the bucket by more than 15%. Fed step by step.
 */
class CoreModel {
  readonly #since = new Map<string, number>();

  isCore(asset: string, t: number): boolean {
    const since = this.#since.get(asset);
    return since !== undefined && since <= t && t <= since + 90;
  }

  observe(step: Step, t: number): void {
    if (step.kind !== "score" && step.kind !== "performance") return;
    const asset = ASSETS[step.asset] ?? "A";
    if (step.kind === "score" && step.score > 0.95 && !this.isCore(asset, t)) {
      if (ASSETS.filter((a) => this.isCore(a, t)).length < 3) this.#since.set(asset, t);
    } else if (step.kind === "performance" && step.relative < -0.15 && this.isCore(asset, t)) {
      this.#since.delete(asset);
    }
  }
}

Deno.test("canExecute() never approves the close of a core asset before its expiry (property)", () => {
  let coreCloses = 0;
  fc.assert(
    fc.property(daysArb, (days) => {
      const model = new CoreModel();
      const protection = createOrchestrator();
      const open = new Set<string>();
      let t = 0;
      for (const day of days) {
        t += day.gap;
        for (const step of day.steps) {
          model.observe(step, t);
          const fact = _fact(step, t, open);
          if (fact !== undefined) protection.record(fact);
          if (step.kind !== "request" || step.action !== 1) continue;
          const asset = ASSETS[step.asset] ?? "A";
          const verdict = protection.canExecute({ asset, action: "close", t, date: "" });
          if (!model.isCore(asset, t)) continue;
          coreCloses++;
          assert.deepEqual(
            [verdict.approved, verdict.rule],
            [false, "core_asset"],
            `${asset} t=${t}`,
          );
        }
      }
    }),
    { numRuns: 300 },
  );
  assert.ok(coreCloses > 100, `only ${coreCloses} closes of core assets were tried`);
});

Deno.test("canExecute() gives the same verdicts for the same facts (property)", () => {
  fc.assert(
    fc.property(daysArb, (days) => {
      const protection = createOrchestrator();
      const first = JSON.stringify(run(days, protection));
      assert.equal(JSON.stringify(run(days)), first);
      protection.reset();
      assert.equal(JSON.stringify(run(days, protection)), first);
    }),
    { numRuns: 200 },
  );
});
