/**
 * Regime transitions and stability, from a day-by-day sequence of regimes.
 *
 * Rules (each one an option of {@link RegimeOptions}):
 * - A transition happens on the first day of a new regime. Days without a
 *   reading (null) are skipped: they neither end nor extend a regime.
 * - `from` is the last settled regime: a regime held fewer than `settleDays`
 *   days is a waypoint, so Goldilocks -> 3 days of Reflation -> Inflation is
 *   reported as Reflation (on its day) and then Goldilocks -> Inflation.
 * - Severity compares `from` and `to`, with the confidences of the transition's day:
 *   - critical: both axes differ (Goldilocks <-> Inflation, Reflation <-> Deflation),
 *     or the one axis that differs has confidence >= `criticalConfidence` (the signal
 *     went far past the flip point at once: a very sharp move);
 *   - major: one axis differs and the new regime's confidence is >= `majorConfidence`;
 *   - minor: one axis differs with less confidence.
 * - A critical transition grants override authority: protection rules listed in
 *   `overrideBypasses` may let its trades through (the seed's priority 2,
 *   below core-asset immunity).
 * - Stability on day t is the share of the last `stabilityDays` days (t included,
 *   days before the first counted as different) spent in day t's regime.
 *
 * @module
 */
import { axesOf, type RegimeName, type TransitionSeverity } from "./regime.ts";
import type { RegimeOptions } from "./regime_options.ts";

/** Confidences (0..1) on day t: the detector's, or the database row's for both. */
export type DayConfidence = {
  /** Confidence of one axis's reading. */
  readonly axis: (t: number, axis: "growth" | "inflation") => number;
  /** Confidence of the regime. */
  readonly regime: (t: number) => number;
};

/** A transition found in a sequence: day index `t` is the first day of `to`. */
export type TransitionEvent = {
  readonly t: number;
  readonly from: RegimeName;
  readonly to: RegimeName;
  readonly severity: TransitionSeverity;
  readonly overrideAuthority: boolean;
  readonly bypasses: readonly string[];
};

/** The options {@link findTransitions} reads. */
export type TransitionRules = Pick<
  RegimeOptions,
  "settleDays" | "majorConfidence" | "criticalConfidence" | "overrideBypasses"
>;

/** The severity of a move from `from` to `to` given the flipped axes' confidence on its day. */
export function transitionSeverity(
  from: RegimeName,
  to: RegimeName,
  t: number,
  confidence: DayConfidence,
  rules: Pick<RegimeOptions, "majorConfidence" | "criticalConfidence">,
): TransitionSeverity {
  const a = axesOf(from), b = axesOf(to);
  const flipped = (["growth", "inflation"] as const).filter((axis) => a[axis] !== b[axis]);
  if (flipped.length === 2) return "critical";
  const axis = flipped[0];
  if (axis !== undefined && confidence.axis(t, axis) >= rules.criticalConfidence) return "critical";
  return confidence.regime(t) >= rules.majorConfidence ? "major" : "minor";
}

/** Every transition of a regime sequence, in day order. */
export function findTransitions(
  regimes: readonly (RegimeName | null)[],
  confidence: DayConfidence,
  rules: TransitionRules,
): TransitionEvent[] {
  const events: TransitionEvent[] = [];
  let current: RegimeName | null = null, held = 0;
  let settled: RegimeName | null = null;
  regimes.forEach((regime, t) => {
    if (regime === null) return;
    if (regime === current) {
      held++;
      if (held >= rules.settleDays) settled = current;
      return;
    }
    if (current !== null) {
      const settledFrom: RegimeName = held >= rules.settleDays || settled === null
        ? current
        : settled;
      const from = settledFrom === regime ? current : settledFrom;
      const severity = transitionSeverity(from, regime, t, confidence, rules);
      const overrideAuthority = severity === "critical";
      events.push({
        t,
        from,
        to: regime,
        severity,
        overrideAuthority,
        bypasses: overrideAuthority ? rules.overrideBypasses : [],
      });
    }
    if (held >= rules.settleDays || settled === null) settled = current ?? regime;
    current = regime;
    held = 1;
    if (held >= rules.settleDays) settled = current;
  });
  return events;
}

/** Stability by day: the share of the last `stabilityDays` days in that day's regime (0 for null). */
export function regimeStability(
  regimes: readonly (RegimeName | null)[],
  stabilityDays: number,
): Float64Array {
  const out = new Float64Array(regimes.length);
  let run = 0;
  for (let t = 0; t < regimes.length; t++) {
    const regime = regimes[t] ?? null;
    run = regime !== null && t > 0 && regimes[t - 1] === regime ? run + 1 : 1;
    if (regime === null) continue;
    let same = Math.min(run, stabilityDays);
    // Beyond the current run, earlier visits to the same regime within the window also count.
    for (let k = t - run; k > t - stabilityDays && k >= 0; k--) if (regimes[k] === regime) same++;
    out[t] = same / stabilityDays;
  }
  return out;
}
