/**
 * The four growth/inflation regimes as names, shared by the fixture market's
 * labels (here, in the data layer) and regime detection (lib/market), so that
 * both speak of one type.
 *
 * @module
 */

/** The regimes, in the seed's order of quadrants. */
export const REGIME_NAMES = ["Goldilocks", "Reflation", "Inflation", "Deflation"] as const;
/** One of {@link REGIME_NAMES}: Goldilocks (growth up, inflation down), Reflation (both up), Inflation (growth down, inflation up), Deflation (both down). */
export type RegimeName = typeof REGIME_NAMES[number];

/** Direction of an axis (growth or inflation). */
export type Direction = "up" | "down";
