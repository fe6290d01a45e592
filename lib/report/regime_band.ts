/**
 * The data of the regime band under the equity curve: the daily regime path
 * as runs of equal regime, the transitions with their severity, and the share
 * of days spent in each regime.
 *
 * @module
 */

import type { RegimePath } from "../engine/run_result.ts";
import type { RegimeName } from "../market/regime.ts";

/** A run of days in one regime: from `start` up to `end` (the next run's start, or the last date). */
export type RegimeSegment = {
  readonly start: string;
  readonly end: string;
  readonly regime: RegimeName;
};

/** The regime band and its transitions. */
export type RegimeBand = {
  readonly segments: readonly RegimeSegment[];
  readonly transitions: RegimePath["transitions"];
  /** Fraction of the days in each regime (0 for a regime never seen). */
  readonly shares: Readonly<Record<RegimeName, number>>;
};

/**
 * The band of a regime path. Throws `RangeError` when its dates and regimes
 * differ in length.
 *
 * @example Three days, two segments
 * ```ts
 * import assert from "node:assert/strict";
 * import { regimeBand } from "./regime_band.ts";
 *
 * const band = regimeBand({
 *   dates: ["2024-01-02", "2024-01-03", "2024-01-04"],
 *   regime: ["Goldilocks", "Goldilocks", "Inflation"],
 *   confidence: [0.9, 0.8, 0.7],
 *   transitions: [{ date: "2024-01-04", from: "Goldilocks", to: "Inflation", severity: "major" }],
 * });
 * assert.deepEqual(band.segments, [
 *   { start: "2024-01-02", end: "2024-01-04", regime: "Goldilocks" },
 *   { start: "2024-01-04", end: "2024-01-04", regime: "Inflation" },
 * ]);
 * assert.equal(band.shares.Goldilocks, 2 / 3);
 * ```
 */
export function regimeBand(path: RegimePath): RegimeBand {
  const { dates, regime } = path;
  if (dates.length !== regime.length) {
    throw new RangeError(
      `Cannot build the regime band as dates and regime must have the same length: current lengths are ${dates.length} and ${regime.length}`,
    );
  }
  const counts: Record<RegimeName, number> = {
    Goldilocks: 0,
    Reflation: 0,
    Inflation: 0,
    Deflation: 0,
  };
  const segments: RegimeSegment[] = [];
  let start = 0;
  for (let t = 0; t < regime.length; t++) {
    const current = regime[t];
    if (current === undefined) continue;
    counts[current]++;
    const next = regime[t + 1];
    if (next === current) continue;
    const end = next === undefined ? t : t + 1;
    segments.push({ start: dates[start] ?? "", end: dates[end] ?? "", regime: current });
    start = t + 1;
  }
  const days = Math.max(1, regime.length);
  const shares = {
    Goldilocks: counts.Goldilocks / days,
    Reflation: counts.Reflation / days,
    Inflation: counts.Inflation / days,
    Deflation: counts.Deflation / days,
  };
  return { segments, transitions: path.transitions, shares };
}
