import assert from "node:assert/strict";
import { holdingPeriod } from "./holding_period.ts";
import { ProtectionOrchestrator } from "./orchestrator.ts";
import { block } from "./outcome.ts";
import { regimeOverride } from "./regime_override.ts";
import type { ProtectionRule } from "./rule.ts";

function withHolding(options: Parameters<typeof regimeOverride>[0] = {}) {
  const protection = new ProtectionOrchestrator([regimeOverride(options), holdingPeriod()]);
  protection.record({ kind: "positionOpened", asset: "SPY", t: 10, size: 0.2 });
  const close = (t: number) =>
    protection.canExecute({ asset: "SPY", action: "close", t, date: "" });
  return { protection, close };
}

Deno.test("regimeOverride() lets a critical transition bypass the holding period that day", () => {
  const { protection, close } = withHolding();
  protection.record({
    kind: "regimeChanged",
    t: 11,
    from: "Goldilocks",
    to: "Deflation",
    severity: "critical",
  });
  const verdict = close(11);
  assert.deepEqual(verdict, {
    approved: true,
    action: "close",
    asset: "SPY",
    t: 11,
    date: "",
    rule: "regime_override",
    reason: "critical regime transition overrides protection",
    overriddenBy: "regime_override",
    bypassed: ["holding_period"],
  });
  assert.equal(close(12).approved, false); // the next day the holding period holds again
});

Deno.test("regimeOverride() lasts activeDays from the transition day", () => {
  const { protection, close } = withHolding({ activeDays: 2 });
  protection.record({ kind: "regimeChanged", t: 10, from: "A", to: "B", severity: "critical" });
  assert.deepEqual([10, 11, 12].map((t) => close(t).approved), [true, true, false]);
});

Deno.test("regimeOverride() grants nothing to normal or high transitions by default", () => {
  const { protection, close } = withHolding();
  protection.record({ kind: "regimeChanged", t: 11, from: "A", to: "B", severity: "high" });
  assert.equal(close(11).approved, false);
  protection.record({ kind: "regimeChanged", t: 12, from: "B", to: "C", severity: "normal" });
  assert.equal(close(12).approved, false);
});

Deno.test("regimeOverride() gives high transitions the authority the options name", () => {
  const { protection, close } = withHolding({ authority: { high: ["holding_period"] } });
  protection.record({ kind: "regimeChanged", t: 11, from: "A", to: "B", severity: "high" });
  assert.deepEqual(close(11).bypassed, ["holding_period"]);
});

Deno.test("regimeOverride() does not bypass a rule outside its authority", () => {
  const veto: ProtectionRule = {
    name: "compliance",
    priority: 6,
    evaluate: (request) =>
      request.action === "close" ? block("restricted list") : { kind: "abstain" },
  };
  const protection = new ProtectionOrchestrator([regimeOverride(), holdingPeriod(), veto]);
  protection.record({ kind: "positionOpened", asset: "SPY", t: 10, size: 0.2 });
  protection.record({ kind: "regimeChanged", t: 11, from: "A", to: "B", severity: "critical" });
  const verdict = protection.canExecute({ asset: "SPY", action: "close", t: 11, date: "" });
  assert.deepEqual(
    [verdict.approved, verdict.rule, verdict.overriddenBy, verdict.bypassed],
    [false, "compliance", "regime_override", ["holding_period"]],
  );
});

Deno.test("regimeOverride() rejects unknown severities and bad activeDays", () => {
  assert.throws(
    () => regimeOverride({ authority: JSON.parse('{"extreme": ["whipsaw"]}') }),
    RangeError,
  );
  assert.throws(() => regimeOverride({ activeDays: 0 }), RangeError);
});
