/**
 * Test tooling: random days of protection facts and requests over a few
 * assets, for the orchestrator's property tests. Position facts are made
 * consistent by {@link factOf} (an open is recorded only for a closed
 * position and so on), as the engine would.
 *
 * @module
 */
import fc from "fast-check";
import type { ProtectionFact, RegimeSeverity } from "./facts.ts";

/** The assets the steps name. */
export const ASSETS = ["A", "B", "C"] as const;
const SEVERITIES: readonly RegimeSeverity[] = ["normal", "high", "critical"];

/** One step of a day: a fact or a request. */
export type Step =
  | { readonly kind: "score"; readonly asset: number; readonly score: number }
  | { readonly kind: "performance"; readonly asset: number; readonly relative: number }
  | { readonly kind: "regime"; readonly severity: number }
  | { readonly kind: "fill"; readonly asset: number; readonly size: number }
  | { readonly kind: "request"; readonly asset: number; readonly action: number };

/** Any step. */
export const stepArb: fc.Arbitrary<Step> = fc.oneof(
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
export const daysArb = fc.array(
  fc.record({
    gap: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 40 })),
    steps: fc.array(stepArb, { minLength: 1, maxLength: 10 }),
  }),
  {
    minLength: 5,
    maxLength: 30,
  },
);

/** The fact a step records on day `t` (undefined for a request); `open` tracks open positions. */
export function factOf(step: Step, t: number, open: Set<string>): ProtectionFact | undefined {
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
