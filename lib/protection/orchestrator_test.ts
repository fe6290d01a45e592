import assert from "node:assert/strict";
import { createOrchestrator } from "./create_orchestrator.ts";
import { ABSTAIN, approve, block } from "./outcome.ts";
import type { ProtectionAction } from "./request.ts";
import type { ProtectionRule } from "./rule.ts";
import type { Verdict } from "./verdict.ts";

// Expected verdicts below follow the seed's hierarchy (core 1, regime override 2, grace 3,
// holding 4, whipsaw 5) and its defaults, worked out by hand in the comments.

type Asker = (asset: string, action: ProtectionAction, t: number) => Verdict;
function asker(protection: ReturnType<typeof createOrchestrator>): Asker {
  return (asset, action, t) => protection.canExecute({ asset, action, t, date: "" });
}

Deno.test("canExecute() lets core immunity beat grace: a failing core asset neither decays nor closes", () => {
  const facts = (protection: ReturnType<typeof createOrchestrator>) => {
    protection.record({ kind: "positionOpened", asset: "NVDA", t: 0, size: 0.1 });
    protection.record({ kind: "scoreObserved", asset: "NVDA", t: 1, score: 0.97 }); // core 1..91
    protection.record({ kind: "scoreObserved", asset: "NVDA", t: 5, score: 0.3 });
  };
  const withCore = createOrchestrator();
  facts(withCore);
  const ask = asker(withCore);
  assert.deepEqual(
    [ask("NVDA", "decay", 6).rule, ask("NVDA", "decay", 6).reason],
    ["core_asset", "core asset: immune to grace decay"],
  );
  assert.equal(ask("NVDA", "close", 6).rule, "core_asset");
  assert.equal(withCore.status("NVDA", 6).protections.grace_period?.active, false);

  // The same facts without the core rule: grace started on day 5, so day 6 decays to 0.1 × 0.8.
  const withoutCore = createOrchestrator({ enabled: { core: false } });
  facts(withoutCore);
  const decay = asker(withoutCore)("NVDA", "decay", 6);
  assert.deepEqual([decay.rule, decay.modification], ["grace_period", { size: 0.1 * 0.8 }]);
});

Deno.test("canExecute() never lets a critical regime override bypass core immunity", () => {
  const protection = createOrchestrator();
  protection.record({ kind: "positionOpened", asset: "NVDA", t: 0, size: 0.1 });
  protection.record({ kind: "scoreObserved", asset: "NVDA", t: 1, score: 0.97 });
  protection.record({
    kind: "regimeChanged",
    t: 5,
    from: "Goldilocks",
    to: "Deflation",
    severity: "critical",
  });
  const verdict = asker(protection)("NVDA", "close", 5);
  assert.deepEqual(verdict, {
    approved: false,
    action: "close",
    asset: "NVDA",
    t: 5,
    date: "",
    rule: "core_asset",
    reason: "core asset: immune to forced closure",
    bypassed: [],
  });
});

Deno.test("canExecute() lets a critical regime override bypass holding and whipsaw together", () => {
  const protection = createOrchestrator();
  const ask = asker(protection);
  protection.record({ kind: "positionOpened", asset: "SPY", t: 0, size: 0.2 });
  protection.record({ kind: "positionClosed", asset: "SPY", t: 5 });
  assert.equal(ask("SPY", "open", 10).rule, "whipsaw"); // the day-5 close is in the window until day 18
  protection.record({
    kind: "regimeChanged",
    t: 10,
    from: "Deflation",
    to: "Reflation",
    severity: "critical",
  });
  const open = ask("SPY", "open", 10);
  assert.deepEqual([open.approved, open.rule, open.bypassed], [true, "regime_override", [
    "whipsaw",
  ]]);
  protection.record({ kind: "positionOpened", asset: "SPY", t: 10, size: 0.2 });
  // Same-day close: held 0 of 3 days (holding) and 0 of 4 hours (whipsaw); both bypassed.
  const close = ask("SPY", "close", 10);
  assert.deepEqual(
    [close.approved, close.overriddenBy, close.bypassed],
    [true, "regime_override", ["holding_period", "whipsaw"]],
  );
});

Deno.test("canExecute() lets grace outrank holding: blocked in grace, approved at expiry under a longer hold", () => {
  const protection = createOrchestrator({ rules: { holding: { holdingDays: 10 } } });
  const ask = asker(protection);
  protection.record({ kind: "positionOpened", asset: "XLE", t: 0, size: 1 });
  protection.record({ kind: "scoreObserved", asset: "XLE", t: 1, score: 0.5 }); // grace days 1..4
  assert.equal(ask("XLE", "close", 2).rule, "grace_period");
  const expired = ask("XLE", "close", 5); // 4 days in grace > 3: expired, though held 5 < 10 days
  assert.deepEqual([expired.approved, expired.rule, expired.reason], [
    true,
    "grace_period",
    "grace expired",
  ]);
});

Deno.test("addRule() asks a custom rule added at run time by its priority", () => {
  const protection = createOrchestrator();
  const ask = asker(protection);
  const restricted: ProtectionRule = {
    name: "restricted_list",
    priority: 6,
    evaluate: (request) =>
      request.asset === "GME" && request.action === "open" ? block("restricted") : ABSTAIN,
  };
  // The seed's custom manager: approves with its own reason (here, closes only, between grace and holding).
  const custom: ProtectionRule = {
    name: "custom_protection",
    priority: 3.5,
    evaluate: (request) => request.action === "close" ? approve("Custom logic approved") : ABSTAIN,
  };
  assert.equal(ask("GME", "open", 0).approved, true);
  protection.addRule(restricted);
  protection.addRule(custom);
  assert.deepEqual(protection.rules().map((r) => r.name), [
    "core_asset",
    "regime_override",
    "grace_period",
    "custom_protection",
    "holding_period",
    "whipsaw",
    "restricted_list",
  ]);
  assert.deepEqual([ask("GME", "open", 1).approved, ask("GME", "open", 1).rule], [
    false,
    "restricted_list",
  ]);
  protection.record({ kind: "positionOpened", asset: "AAPL", t: 1, size: 0.1 });
  const close = ask("AAPL", "close", 1); // the holding period would block; the custom rule decides first
  assert.deepEqual([close.approved, close.rule, close.reason], [
    true,
    "custom_protection",
    "Custom logic approved",
  ]);
});

Deno.test("addRule() refuses a duplicate name or a non-finite priority", () => {
  const protection = createOrchestrator();
  assert.throws(
    () => protection.addRule({ name: "whipsaw", priority: 9, evaluate: () => ABSTAIN }),
    {
      name: "TypeError",
      message:
        'Cannot add rule as its name must be unique and non-empty: current value is "whipsaw"',
    },
  );
  assert.throws(
    () => protection.addRule({ name: "x", priority: NaN, evaluate: () => ABSTAIN }),
    RangeError,
  );
});

Deno.test("createOrchestrator() fills a disabled slot with the do-nothing rule", () => {
  const protection = createOrchestrator({ enabled: { holding: false, whipsaw: false } });
  protection.record({ kind: "positionOpened", asset: "QQQ", t: 0, size: 0.1 });
  const close = asker(protection)("QQQ", "close", 0);
  assert.deepEqual([close.approved, close.rule, close.reason], [
    true,
    "none",
    "no protection rule objected",
  ]);
  assert.equal(protection.rules().length, 5);
  assert.deepEqual(protection.status("QQQ", 0).protections.holding_period, { enabled: false });
});

Deno.test("status() reports each rule and how each action would be judged, like get_protection_status", () => {
  const protection = createOrchestrator();
  protection.record({ kind: "positionOpened", asset: "AAPL", t: 0, size: 0.1 });
  protection.record({ kind: "positionClosed", asset: "AAPL", t: 3 });
  protection.record({ kind: "positionOpened", asset: "AAPL", t: 20, size: 0.1 });
  protection.record({ kind: "scoreObserved", asset: "AAPL", t: 21, score: 0.5 });
  const status = protection.status("AAPL", 22, "2024-02-01");
  assert.equal(status.protections.core_asset?.isCore, false);
  assert.deepEqual(status.protections.grace_period, {
    enabled: true,
    active: true,
    expired: false,
    startT: 21,
    daysInGrace: 1,
    daysLeft: 2,
    size: 0.1 * 0.8,
    threshold: 0.6,
  });
  assert.equal(status.protections.whipsaw?.cyclesRecent, 0); // the day-3 close left the window on day 17
  assert.equal(status.protections.regime_override?.active, false);
  assert.deepEqual(status.actions, {
    open: { allowed: true, rule: "none", reason: "no protection rule objected", size: null },
    close: {
      allowed: false,
      rule: "grace_period",
      reason: "in grace period: the position decays for up to 3 days instead",
      size: null,
    },
    adjust: { allowed: true, rule: "none", reason: "no protection rule objected", size: null },
    decay: {
      allowed: true,
      rule: "grace_period",
      reason: "grace period decay (factor 0.8 a day)",
      size: 0.1 * 0.8,
    },
  });
  assert.equal(protection.metrics().decisions, 0); // a status query is not a decision
});

Deno.test("metrics() counts decisions, approvals, blocks by rule, overrides used and decays", () => {
  const protection = createOrchestrator();
  const ask = asker(protection);
  assert.equal(protection.metrics().approvalRate, 0);
  protection.record({ kind: "positionOpened", asset: "A", t: 0, size: 1 });
  ask("A", "close", 1); // blocked: holding_period
  ask("A", "decay", 1); // blocked: grace_period (no grace)
  ask("B", "open", 1); // approved
  protection.record({ kind: "regimeChanged", t: 2, from: "X", to: "Y", severity: "critical" });
  protection.record({ kind: "scoreObserved", asset: "A", t: 2, score: 0.5 });
  ask("A", "adjust", 2); // approved
  ask("A", "close", 2); // grace and holding bypassed: approved, override used
  ask("A", "decay", 3); // approved with size 1 × 0.8: a decay
  assert.deepEqual(protection.metrics(), {
    decisions: 6,
    approved: 4,
    blocked: 2,
    approvalRate: 4 / 6,
    blocksByRule: { holding_period: 1, grace_period: 1 },
    overridesUsed: 1,
    decays: 1,
  });
});

Deno.test("canExecute() hands every verdict to onVerdict as plain JSON data", () => {
  const seen: Verdict[] = [];
  const protection = createOrchestrator({ onVerdict: (v) => seen.push(v) });
  const ask = asker(protection);
  protection.record({ kind: "positionOpened", asset: "A", t: 0, size: 1 });
  protection.record({ kind: "scoreObserved", asset: "A", t: 0, score: 0.4 });
  const returned = [ask("A", "decay", 1), ask("A", "close", 1), ask("B", "open", 1)];
  assert.deepEqual(seen, returned);
  for (const verdict of seen) assert.deepEqual(JSON.parse(JSON.stringify(verdict)), verdict);
});

Deno.test("reset() forgets facts and counters and keeps the rules, custom ones included", () => {
  const protection = createOrchestrator({
    custom: [{
      name: "never_open",
      priority: 9,
      evaluate: (r) => r.action === "open" ? block("no") : ABSTAIN,
    }],
  });
  const ask = asker(protection);
  protection.record({ kind: "positionOpened", asset: "A", t: 50, size: 1 });
  ask("A", "close", 50);
  protection.reset();
  assert.equal(protection.metrics().decisions, 0);
  assert.equal(protection.status("A", 0).protections.holding_period?.open, false);
  protection.record({ kind: "positionOpened", asset: "A", t: 0, size: 1 }); // the clock restarted
  assert.equal(ask("C", "open", 0).rule, "never_open");
});
