/**
 * The four growth/inflation regimes and the readings the detector and the
 * regime provider hand out.
 *
 * A regime is a quadrant of two axes, each read as up or down from market
 * data: Goldilocks (growth up, inflation down), Reflation (both up), Inflation
 * (growth down, inflation up), Deflation (both down).
 *
 * @see docs/design.md#regimes
 *
 * @module
 */

import { type Direction, REGIME_NAMES, type RegimeName } from "../data/regime_label.ts";
export { type Direction, REGIME_NAMES, type RegimeName };

/** The two axes of a regime. */
export type RegimeAxes = { readonly growth: Direction; readonly inflation: Direction };

/**
 * The regime of a growth and an inflation direction.
 *
 * @example The quadrant of two directions
 * ```ts
 * import assert from "node:assert/strict";
 * import { axesOf, regimeOf } from "./regime.ts";
 *
 * assert.equal(regimeOf("up", "down"), "Goldilocks");
 * assert.equal(regimeOf("down", "up"), "Inflation");
 * assert.deepEqual(axesOf("Reflation"), { growth: "up", inflation: "up" });
 * ```
 */
export function regimeOf(growth: Direction, inflation: Direction): RegimeName {
  if (growth === "up") return inflation === "down" ? "Goldilocks" : "Reflation";
  return inflation === "up" ? "Inflation" : "Deflation";
}

/** The axes of a regime (inverse of {@link regimeOf}). */
export function axesOf(regime: RegimeName): RegimeAxes {
  switch (regime) {
    case "Goldilocks":
      return { growth: "up", inflation: "down" };
    case "Reflation":
      return { growth: "up", inflation: "up" };
    case "Inflation":
      return { growth: "down", inflation: "up" };
    case "Deflation":
      return { growth: "down", inflation: "down" };
  }
}

/** Whether `text` is one of {@link REGIME_NAMES}. */
export function isRegimeName(text: string): text is RegimeName {
  return (REGIME_NAMES as readonly string[]).includes(text);
}

/** Timeframes the detector reads: daily bars, and weekly bars resampled from them. */
export const REGIME_TIMEFRAMES = ["1d", "1w"] as const;
/** One of {@link REGIME_TIMEFRAMES}. */
export type RegimeTimeframe = typeof REGIME_TIMEFRAMES[number];

/** How sharp a regime change is; see `regime_transitions.ts` for the rules. */
export type TransitionSeverity = "minor" | "major" | "critical";

/** A change of regime on one day. */
export type RegimeTransition = {
  /** ISO date of the first day in the new regime. */
  readonly date: string;
  /** The last regime held long enough to count as settled (see `settleDays`). */
  readonly from: RegimeName;
  readonly to: RegimeName;
  readonly severity: TransitionSeverity;
  /** True for critical transitions: protection rules named in `bypasses` may be overridden. */
  readonly overrideAuthority: boolean;
  /** Protection rules a critical transition may bypass (empty otherwise). */
  readonly bypasses: readonly string[];
  /** Trading days since the transition (0 on its day). */
  readonly ageDays: number;
};

/** One timeframe's reading of the two axes. */
export type TimeframeReading = {
  /** The quadrant, or null while the signals are warming up. */
  readonly regime: RegimeName | null;
  /** Growth signal in volatility units (positive: growth up), NaN while warming up. */
  readonly growthSignal: number;
  /** Inflation signal in volatility units (positive: inflation up), NaN while warming up. */
  readonly inflationSignal: number;
};

/** The regime context of one day, as the provider gives it. */
export type RegimeContext = {
  /** ISO date of the reading. */
  readonly date: string;
  /** The regime in force, or null while the detector warms up and no database row exists. */
  readonly regime: RegimeName | null;
  /** 0..1: how clearly the signals point to the regime (or the database row's confidence). */
  readonly confidence: number;
  /** 0..1: the share of the last `stabilityDays` trading days spent in this regime. */
  readonly stability: number;
  /** The daily and weekly readings computed from market data. */
  readonly timeframes: Readonly<Record<RegimeTimeframe, TimeframeReading>>;
  /** 0, 0.5 or 1: the share of axes on which the daily and weekly readings agree. */
  readonly agreement: number;
  /** The latest transition when it happened within `transitionDays` trading days. */
  readonly transition?: RegimeTransition;
  /** Where the regime came from: a `research` row for this date, or the detector. */
  readonly source: "database" | "computed";
  /** Buckets the regime activates: the database row's, else the regime map's (empty without a regime). */
  readonly buckets: readonly string[];
};
