/**
 * Regime detection scored against the business cycle: how much of each
 * recession the detector spends with growth down (Inflation or Deflation), how
 * much of the expansions it does, and how late it turns after each peak.
 *
 * The dated cycles are the NBER's (`nber_recessions.json`, from the NBER
 * Business Cycle Dating Committee's table of US peaks and troughs), the
 * reference chronology for the US economy; a market-based detector is judged
 * against it because a recession is exactly what its growth axis should catch.
 *
 * Definitions:
 * - A recession runs from the first day of the month after its peak month
 *   through the last day of its trough month (FRED's USREC convention:
 *   the peak month is the last month of the expansion).
 * - Days are the detected dates from `from` to `to` that have a reading; each is
 *   inside a recession or outside every one.
 * - The lag of a recession is the number of trading days (detected dates) from
 *   its first day with a reading to the first growth-down day on or after it,
 *   searched until the trough month ends; 0 when growth was already down, null
 *   when growth never turned down (missed). It is measured only for recessions
 *   that start inside the scored range.
 *
 * @see https://www.nber.org/research/data/us-business-cycle-expansions-and-contractions
 * @see https://fred.stlouisfed.org/series/USREC
 *
 * @module
 */
import nber from "./nber_recessions.json" with { type: "json" };
import { axesOf, type RegimeName } from "./regime.ts";
import type { DetectedRegimes } from "./regime_accuracy.ts";

/** One dated contraction: its peak and trough months (`YYYY-MM`). */
export type BusinessCycle = { readonly peak: string; readonly trough: string };

/**
 * The NBER's US recessions since 1990 (peak and trough months), read from
 * `nber_recessions.json`, which cites the source.
 *
 * @example The four recessions since 1990
 * ```ts
 * import assert from "node:assert/strict";
 * import { NBER_RECESSIONS, recessionSpan } from "./recession_score.ts";
 *
 * assert.equal(NBER_RECESSIONS.length, 4);
 * assert.deepEqual(recessionSpan(NBER_RECESSIONS[2]!), { start: "2008-01-01", end: "2009-06-30" });
 * ```
 */
export const NBER_RECESSIONS: readonly BusinessCycle[] = Object.freeze(
  nber.recessions.map((c) => Object.freeze(_checkCycle(c))),
);

/** The first and last calendar day (ISO) of a recession: the month after the peak through the trough month. */
export function recessionSpan(cycle: BusinessCycle): { start: string; end: string } {
  const { peak, trough } = _checkCycle(cycle);
  const [py, pm] = peak.split("-").map(Number) as [number, number];
  const [ty, tm] = trough.split("-").map(Number) as [number, number];
  const start = new Date(Date.UTC(py, pm, 1)); // month index pm = the month after the peak
  const end = new Date(Date.UTC(ty, tm, 0)); // day 0 of the next month = last day of the trough month
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/** Days and the share of them with growth down. */
export type GrowthDownShare = {
  readonly days: number;
  readonly growthDownDays: number;
  /** growthDownDays / days; NaN without days. */
  readonly share: number;
};

/** One recession as the detector saw it. */
export type RecessionReading = GrowthDownShare & {
  readonly peak: string;
  readonly trough: string;
  /** First and last calendar day of the recession (see {@link recessionSpan}). */
  readonly start: string;
  readonly end: string;
  /** Null when the recession starts outside the scored range (no lag measured). */
  readonly lag: {
    /** The first growth-down day on or after the start, null when none before the end. */
    readonly firstGrowthDown: string | null;
    /** Trading days from the start to it; null when missed. */
    readonly days: number | null;
  } | null;
};

/** The result of {@link scoreRecessions}. */
export type RecessionScore = {
  /** First and last scored day (with a reading), or null when none. */
  readonly from: string | null;
  readonly to: string | null;
  readonly inside: GrowthDownShare;
  readonly outside: GrowthDownShare;
  /** The recessions that overlap the scored days, oldest first. */
  readonly recessions: readonly RecessionReading[];
  /** The longest lag over the recessions whose lag was measured; null when none was (or one was missed). */
  readonly maxLagDays: number | null;
  /** Recessions starting in the range whose growth never turned down. */
  readonly missed: number;
};

/** What {@link scoreRecessions} reads besides the detected regimes. */
export type RecessionScoreOptions = {
  /** The dated recessions (default {@link NBER_RECESSIONS}). */
  readonly recessions?: readonly BusinessCycle[];
  /** First ISO date scored (default: the first detected date). */
  readonly from?: string;
  /** Last ISO date scored (default: the last detected date). */
  readonly to?: string;
};

/**
 * Scores a regime path against dated recessions (see the module doc for the definitions).
 *
 * @example Growth down on two of three recession days, and on one of two days outside
 * ```ts
 * import assert from "node:assert/strict";
 * import { scoreRecessions } from "./recession_score.ts";
 *
 * const score = scoreRecessions(
 *   {
 *     dates: ["2020-02-27", "2020-02-28", "2020-03-02", "2020-03-03", "2020-03-04"],
 *     regimes: ["Goldilocks", "Deflation", "Goldilocks", "Inflation", "Deflation"],
 *   },
 *   { recessions: [{ peak: "2020-02", trough: "2020-04" }] },
 * );
 * assert.deepEqual(score.inside, { days: 3, growthDownDays: 2, share: 2 / 3 });
 * assert.deepEqual(score.outside, { days: 2, growthDownDays: 1, share: 1 / 2 });
 * // The recession starts on 2020-03-01; growth first reads down on 2020-03-03, one trading day later.
 * assert.deepEqual(score.recessions[0]?.lag, { firstGrowthDown: "2020-03-03", days: 1 });
 * ```
 */
export function scoreRecessions(
  detected: DetectedRegimes,
  options: RecessionScoreOptions = {},
): RecessionScore {
  const cycles = (options.recessions ?? NBER_RECESSIONS).map((c) => ({
    ...c,
    ...recessionSpan(c),
  })).sort((a, b) => (a.start < b.start ? -1 : 1));
  const from = options.from ?? "", to = options.to ?? "9999-12-31";
  const days: { date: string; down: boolean }[] = [];
  detected.dates.forEach((date, i) => {
    const regime = detected.regimes[i] ?? null;
    if (date >= from && date <= to && regime !== null) {
      days.push({ date, down: _growthDown(regime) });
    }
  });
  const inside = _counter(), outside = _counter();
  const readings: RecessionReading[] = [];
  for (const c of cycles) {
    const within = days.filter((d) => d.date >= c.start && d.date <= c.end);
    if (within.length === 0) continue;
    const count = _counter();
    within.forEach((d) => count.add(d.down));
    const startsInRange = (days[0] as { date: string }).date <= c.start;
    const first = within.findIndex((d) => d.down);
    readings.push({
      peak: c.peak,
      trough: c.trough,
      start: c.start,
      end: c.end,
      ...count.result(),
      lag: startsInRange
        ? { firstGrowthDown: within[first]?.date ?? null, days: first < 0 ? null : first }
        : null,
    });
  }
  for (const d of days) {
    const inRecession = cycles.some((c) => d.date >= c.start && d.date <= c.end);
    (inRecession ? inside : outside).add(d.down);
  }
  const measured = readings.flatMap((r) => (r.lag === null ? [] : [r.lag.days]));
  const missed = measured.filter((x) => x === null).length;
  const lags = measured.filter((x): x is number => x !== null);
  return {
    from: days[0]?.date ?? null,
    to: days.at(-1)?.date ?? null,
    inside: inside.result(),
    outside: outside.result(),
    recessions: readings,
    maxLagDays: missed > 0 || lags.length === 0 ? null : Math.max(...lags),
    missed,
  };
}

function _growthDown(regime: RegimeName): boolean {
  return axesOf(regime).growth === "down";
}

function _counter() {
  let days = 0, growthDownDays = 0;
  return {
    add: (down: boolean) => {
      days++;
      if (down) growthDownDays++;
    },
    result: (): GrowthDownShare => ({
      days,
      growthDownDays,
      share: days > 0 ? growthDownDays / days : NaN,
    }),
  };
}

function _checkCycle(cycle: BusinessCycle): BusinessCycle {
  const month = /^\d{4}-(0[1-9]|1[0-2])$/;
  if (!month.test(cycle.peak) || !month.test(cycle.trough) || cycle.trough <= cycle.peak) {
    throw new RangeError(
      `Cannot score recessions as a cycle must have peak and trough months as YYYY-MM, the trough after the peak: current value is ${
        JSON.stringify(cycle)
      }`,
    );
  }
  return { peak: cycle.peak, trough: cycle.trough };
}
