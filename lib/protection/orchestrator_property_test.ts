import assert from "node:assert/strict";
import fc from "fast-check";
import { createOrchestrator } from "./create_orchestrator.ts";
import type { ProtectionFact, RegimeSeverity } from "./facts.ts";
import { PROTECTION_ACTIONS, type ProtectionAction } from "./request.ts";
import type { Verdict } from "./verdict.ts";

// Random days of facts and requests over a few assets. Position facts are made consistent
// by the runner (an open is recorded only for a closed position and so on), as the engine would.

const ASSETS = ["A", "B", "C"] as const;
const SEVERITIES: readonly RegimeSeverity[] = ["normal", "high", "critical"];

type Step =
  | { readonly kind: "score"; readonly asset: number; readonly score: number }
  | { readonly kind: "performance"; readonly asset: number; readonly relative: number }
  | { readonly kind: "regime"; readonly severity: number }
  | { readonly kind: "fill"; readonly asset: number; readonly size: number }
  | { readonly kind: "request"; readonly asset: number; readonly action: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("score" as const),
    asset: fc.nat(2),
    score: fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0.9, max: 1, noNaN: true }),
    ),
  }),
  fc.record({
    kind: fc.constant("performance" as const),
    asset: fc.nat(2),
    relative: fc.double({ min: -0.4, max: 0.4, noNaN: true }),
  }),
  fc.record({ kind: fc.constant("regime" as const), severity: fc.nat(2) }),
  fc.record({
    kind: fc.constant("fill" as const),
    asset: fc.nat(2),
    size: fc.double({ min: 0.01, max: 0.2, noNaN: true }),
  }),
  fc.record({ kind: fc.constant("request" as const), asset: fc.nat(2), action: fc.nat(3) }),
);

/** Days (each a list of steps) separated by gaps of 1-40 days, biased short, crossing windows and expiries. */
const daysArb = fc.array(
  fc.record({
    gap: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 40 })),
    steps: fc.array(stepArb, { minLength: 1, maxLength: 10 }),
  }),
  {
    minLength: 5,
    maxLength: 30,
  },
);

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

function _fact(step: Step, t: number, open: Set<string>): ProtectionFact | undefined {
  if (step.kind === "request") return undefined;
  if (step.kind === "regime") {
    return {
      kind: "regimeChanged",
      t,
      from: "X",
      to: "Y",
      severity: SEVERITIES[step.severity] ?? "normal",
    };
  }
  const asset = ASSETS[step.asset] ?? "A";
  if (step.kind === "score") return { kind: "scoreObserved", asset, t, score: step.score };
  if (step.kind === "performance") {
    return { kind: "performanceObserved", asset, t, assetReturn: step.relative, bucketReturn: 0 };
  }
  if (open.delete(asset)) return { kind: "positionClosed", asset, t };
  open.add(asset);
  return { kind: "positionOpened", asset, t, size: step.size };
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
