/**
 * Tick positions for chart axes: round values on a linear or a log scale, and
 * the first trading day of each year on a calendar.
 *
 * @module
 */

/**
 * About `target` round ticks (steps of 1, 2 or 5 times a power of ten) covering
 * `[lo, hi]`: the first tick at or below `lo`, the last at or above `hi`.
 * A flat range gets a step around its value. Throws `RangeError` on a bound
 * that is not finite or `lo > hi`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { niceTicks } from "./axis_ticks.ts";
 *
 * // Range 83: raw step 83 / 5 = 16.6, rounded up to the next 1-2-5 step, 20.
 * assert.deepEqual(niceTicks(12, 95), [0, 20, 40, 60, 80, 100]);
 * ```
 */
export function niceTicks(lo: number, hi: number, target = 5): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) {
    throw new RangeError(
      `Cannot place ticks as the range must be finite and ordered: current value is [${lo}, ${hi}]`,
    );
  }
  const span = hi > lo ? hi - lo : Math.abs(lo) || 1;
  const raw = span / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const first = Math.floor(lo / step), last = Math.ceil(hi / step);
  const ticks: number[] = [];
  for (let k = first; k <= Math.max(last, first + 1); k++) ticks.push(_clean(k * step));
  return ticks;
}

/**
 * Ticks for a log axis over `[lo, hi]` (both positive): the values 1, 2 and 5
 * times a power of ten inside the range, thinned to powers of ten when there
 * are more than `max`; on a range too narrow for three of them, the finer
 * 1, 1.5, 2, 3, 5, 7 steps; `niceTicks` when even those give fewer than
 * two. Throws `RangeError` unless `0 < lo <= hi`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logTicks } from "./axis_ticks.ts";
 *
 * assert.deepEqual(logTicks(80, 1_200), [100, 200, 500, 1000]);
 * ```
 */
export function logTicks(lo: number, hi: number, max = 8): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo > 0 && lo <= hi)) {
    throw new RangeError(
      `Cannot place log ticks as the range must be positive and ordered: current value is [${lo}, ${hi}]`,
    );
  }
  const all = _logSteps(lo, hi, [1, 2, 5]);
  if (all.length < 3) {
    const fine = _logSteps(lo, hi, [1, 1.5, 2, 3, 5, 7]);
    return fine.length >= 2 ? fine : niceTicks(lo, hi, 4);
  }
  if (all.length <= max) return all;
  const decades = all.filter((v) => Number.isInteger(Math.log10(v)));
  return decades.length >= 2 ? decades : all.filter((_, i) => i % 3 === 0);
}

function _logSteps(lo: number, hi: number, multiples: readonly number[]): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of multiples) {
      const v = _clean(m * 10 ** e);
      if (v >= lo && v <= hi) out.push(v);
    }
  }
  return out;
}

/** A labelled position on a calendar axis. */
export type CalendarTick = { readonly index: number; readonly label: string };

/**
 * The index of the first date of each year in sorted ISO dates, labelled with
 * the year; every k-th year only when there are more than `max` years.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { yearTicks } from "./axis_ticks.ts";
 *
 * const dates = ["2019-12-30", "2019-12-31", "2020-01-02", "2020-06-01", "2021-01-04"];
 * assert.deepEqual(yearTicks(dates), [
 *   { index: 2, label: "2020" },
 *   { index: 4, label: "2021" },
 * ]);
 * ```
 */
export function yearTicks(dates: readonly string[], max = 12): CalendarTick[] {
  const starts: CalendarTick[] = [];
  for (let i = 1; i < dates.length; i++) {
    const year = (dates[i] ?? "").slice(0, 4);
    if (year !== (dates[i - 1] ?? "").slice(0, 4)) starts.push({ index: i, label: year });
  }
  const every = Math.ceil(starts.length / max);
  return every <= 1 ? starts : starts.filter((t) => Number(t.label) % every === 0);
}

/** Removes binary noise from a multiple of a decimal step (0.30000000000000004 -> 0.3). */
function _clean(v: number): number {
  return Number(v.toPrecision(12));
}
