/**
 * Regime episodes for the fixture market: a seeded semi-Markov chain over the
 * four growth/inflation regimes, each episode lasting months.
 *
 * Design decision: a semi-Markov chain (draw an episode's length, then the next
 * regime) rather than a daily Markov chain, so that every episode's length is
 * inside [minDays, maxDays] by construction and the labels are a clean target
 * for a detector. The next regime flips growth (40%), inflation (40%) or both (20%).
 *
 * @module
 */
import type { Random } from "./random.ts";
import type { Direction, RegimeName } from "./fixture_types.ts";

/** A run of trading days in one regime: day indexes [start, start + length). */
export type RegimeEpisode = {
  readonly start: number;
  readonly length: number;
  readonly growth: Direction;
  readonly inflation: Direction;
  readonly regime: RegimeName;
};

/** The regime named by growth and inflation directions (the seed's four quadrants). */
export function regimeName(growth: Direction, inflation: Direction): RegimeName {
  if (growth === "up") return inflation === "down" ? "Goldilocks" : "Reflation";
  return inflation === "up" ? "Inflation" : "Deflation";
}

/** Bounds on an episode's length in trading days. */
export type EpisodeBounds = { readonly minDays: number; readonly maxDays: number };

/** The fixture market's bounds: about three months to a year. */
export const DEFAULT_EPISODE_BOUNDS: EpisodeBounds = { minDays: 60, maxDays: 250 };

/**
 * Cuts `dayCount` trading days into consecutive regime episodes whose lengths all lie
 * in [minDays, maxDays] (the last one takes what remains, which the draw keeps in range).
 */
export function drawRegimeEpisodes(
  random: Random,
  dayCount: number,
  bounds: EpisodeBounds = DEFAULT_EPISODE_BOUNDS,
): RegimeEpisode[] {
  const { minDays, maxDays } = bounds;
  if (!Number.isInteger(minDays) || minDays < 1 || maxDays < 2 * minDays) {
    throw new RangeError(
      `Cannot draw regime episodes as bounds must satisfy 1 <= minDays and 2 * minDays <= maxDays: current value is ${minDays}..${maxDays}`,
    );
  }
  if (!Number.isInteger(dayCount) || dayCount < minDays) {
    throw new RangeError(
      `Cannot draw regime episodes as dayCount must be an integer >= ${minDays}: current value is ${dayCount}`,
    );
  }
  const episodes: RegimeEpisode[] = [];
  let growth: Direction = random.next() < 0.5 ? "up" : "down";
  let inflation: Direction = random.next() < 0.5 ? "up" : "down";
  let start = 0;
  while (start < dayCount) {
    const remaining = dayCount - start;
    const length = remaining <= maxDays
      ? remaining
      : Math.min(random.int(minDays, maxDays), remaining - minDays);
    episodes.push({ start, length, growth, inflation, regime: regimeName(growth, inflation) });
    start += length;
    const u = random.next();
    if (u < 0.6) growth = growth === "up" ? "down" : "up";
    if (u >= 0.4) inflation = inflation === "up" ? "down" : "up";
  }
  return episodes;
}
