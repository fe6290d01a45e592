import assert from "node:assert/strict";
import type { RegimeName } from "./regime.ts";
import { DEFAULT_REGIME_OPTIONS } from "./regime_options.ts";
import { findTransitions, regimeStability, transitionSeverity } from "./regime_transitions.ts";

const rules = {
  ...DEFAULT_REGIME_OPTIONS,
  settleDays: 10,
  majorConfidence: 0.5,
  criticalConfidence: 0.9,
};
const flat = (axis: number, regime: number) => ({ axis: () => axis, regime: () => regime });
const run = (...parts: [RegimeName | null, number][]) =>
  parts.flatMap(([regime, days]) => Array<RegimeName | null>(days).fill(regime));

Deno.test("transitionSeverity() is critical when both axes flip (Goldilocks -> Inflation)", () => {
  assert.equal(transitionSeverity("Goldilocks", "Inflation", 0, flat(0, 0), rules), "critical");
  assert.equal(transitionSeverity("Reflation", "Deflation", 0, flat(0, 0), rules), "critical");
});

Deno.test("transitionSeverity() grades a one-axis flip by the new regime's confidence", () => {
  assert.equal(transitionSeverity("Goldilocks", "Reflation", 0, flat(0.6, 0.49), rules), "minor");
  assert.equal(transitionSeverity("Goldilocks", "Reflation", 0, flat(0.6, 0.5), rules), "major");
});

Deno.test("transitionSeverity() is critical for a one-axis flip far past its flip point (a sharp move)", () => {
  assert.equal(transitionSeverity("Goldilocks", "Deflation", 0, flat(0.9, 0.2), rules), "critical");
});

Deno.test("findTransitions() reports each change on the new regime's first day, critical ones with override authority", () => {
  const regimes = run(["Goldilocks", 20], ["Reflation", 15], ["Deflation", 5]);
  const events = findTransitions(regimes, flat(0.6, 0.7), rules);
  assert.deepEqual(events, [
    {
      t: 20,
      from: "Goldilocks",
      to: "Reflation",
      severity: "major",
      overrideAuthority: false,
      bypasses: [],
    },
    {
      t: 35,
      from: "Reflation",
      to: "Deflation",
      severity: "critical",
      overrideAuthority: true,
      bypasses: ["grace_period", "holding_period", "whipsaw"],
    },
  ]);
});

Deno.test("findTransitions() reports a move through a short-lived regime from the last settled one", () => {
  // Goldilocks 20 days, Reflation 3 days (< settleDays 10), then Inflation: Goldilocks -> Inflation.
  const regimes = run(["Goldilocks", 20], ["Reflation", 3], ["Inflation", 5]);
  const events = findTransitions(regimes, flat(0.6, 0.3), rules);
  assert.deepEqual(events.map((e) => [e.t, e.from, e.to, e.severity]), [
    [20, "Goldilocks", "Reflation", "minor"],
    [23, "Goldilocks", "Inflation", "critical"],
  ]);
});

Deno.test("findTransitions() reports a quick return to the settled regime from the waypoint", () => {
  const regimes = run(["Goldilocks", 20], ["Reflation", 3], ["Goldilocks", 5]);
  const events = findTransitions(regimes, flat(0.6, 0.3), rules);
  assert.deepEqual(events.map((e) => [e.t, e.from, e.to]), [
    [20, "Goldilocks", "Reflation"],
    [23, "Reflation", "Goldilocks"],
  ]);
});

Deno.test("findTransitions() skips days without a reading: they neither end nor start a regime", () => {
  const regimes = run([null, 5], ["Goldilocks", 12], [null, 2], ["Goldilocks", 1], [
    "Reflation",
    2,
  ]);
  const events = findTransitions(regimes, flat(0.6, 0.6), rules);
  assert.deepEqual(events.map((e) => [e.t, e.from, e.to]), [[20, "Goldilocks", "Reflation"]]);
});

Deno.test("regimeStability() is the share of the last N days in the day's regime (hand count)", () => {
  const regimes: (RegimeName | null)[] = [
    "Goldilocks",
    "Goldilocks",
    "Reflation",
    "Goldilocks",
    null,
  ];
  // N = 4. t=0: G in [G] -> 1/4; t=1: 2/4; t=2: R in [G,G,R] -> 1/4; t=3: G in [G,G,R,G] -> 3/4; t=4: null -> 0.
  assert.deepEqual([...regimeStability(regimes, 4)], [0.25, 0.5, 0.25, 0.75, 0]);
});
