/**
 * Walk-forward windows on a trading calendar: in-sample (train) spans where a
 * grid is searched, each followed by an out-of-sample (test) span where the
 * in-sample winner is run. The test spans tile the calendar from the end of
 * the first train span to the last day, without gap or overlap, so their
 * results stitch into one out-of-sample curve (`stitch_out_of_sample.ts`).
 *
 * The rules, decided here:
 * - Test span k runs from the k-th boundary to the day before the (k+1)-th,
 *   where boundary k is `k` test durations after the first test day (computed
 *   from that day each time, so months do not drift: 31 Jan + 1m + 1m is
 *   31 Mar, not 28 Mar), mapped to the first trading day on or after it.
 * - The first test day is one train duration after the calendar's first day.
 * - Rolling (default): train span k is the train duration just before test
 *   span k. Anchored: it runs from the calendar's first day, growing.
 * - A last test span cut short by the end of the data is kept and marked
 *   `partial` (the most recent days are the ones a user most wants judged);
 *   `lastPartial: "drop"` leaves it out. For calendar units a span counts as
 *   complete when the calendar holds a day on or after its end boundary, or
 *   ends at most 4 calendar days before it: a calendar cannot tell a closed
 *   long weekend (New Year's Day on a Friday) from missing data, and a
 *   market is rarely closed longer.
 * - Too little data for one window (no day left after the first train span,
 *   or a train span of fewer than two days, which has no return) is an
 *   {@link InputError} saying what the calendar covers.
 *
 * The warm-up rule the runner follows: a run over a span may read every bar
 * before the span's first day as warm-up (indicators, the regime history),
 * and no bar after its last day. The in-sample runs of window k end on
 * `train.end`, the eve of `test.start`, so the winner is chosen without
 * seeing a day of its test span; the out-of-sample run ends on `test.end`,
 * the eve of the next window's test. Giving each run a Panel cut at its last
 * day makes this hold by construction; the engine's point-in-time views
 * (tests/pipeline_point_in_time_test.ts) make it hold on a whole Panel too.
 *
 * @see Robert Pardo, "The Evaluation and Optimization of Trading Strategies",
 * 2nd ed., Wiley 2008, chapter 11 (walk-forward analysis).
 * @module
 */

import { isoDayNumber } from "../analytics/iso_day.ts";
import { lowerBound } from "../data/series_range.ts";
import { InputError } from "../errors.ts";
import { shiftIsoDate, type WindowDuration } from "./window_duration.ts";

/**
 * Days `from..to` (indexes into the calendar, both inclusive) and their dates.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { WindowSpan } from "./mod.ts";
 *
 * const span: WindowSpan = { from: 0, to: 1, start: "2024-01-02", end: "2024-01-03", days: 2 };
 * assert.equal(span.to - span.from + 1, span.days);
 * ```
 */
export type WindowSpan = {
  readonly from: number;
  readonly to: number;
  readonly start: string;
  readonly end: string;
  readonly days: number;
};

/**
 * One walk-forward window: where to search, and where to run the winner.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseWindowDuration, walkForwardWindows, type WalkForwardWindow } from "./mod.ts";
 *
 * const days = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"];
 * const d = (text: string) => parseWindowDuration(text, "example");
 * const first: WalkForwardWindow | undefined =
 *   walkForwardWindows(days, { train: d("3d"), test: d("1d") })[0];
 * assert.equal(first?.test.start, "2024-01-05");
 * ```
 */
export type WalkForwardWindow = {
  /** 0 for the first window. */
  readonly index: number;
  readonly train: WindowSpan;
  readonly test: WindowSpan;
  /** The test span was cut short by the end of the calendar (only the last window can be). */
  readonly partial: boolean;
};

/**
 * How to cut the calendar into windows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseWindowDuration, type WalkForwardOptions } from "./mod.ts";
 *
 * const options: WalkForwardOptions = {
 *   train: parseWindowDuration("3y", "--train"),
 *   test: parseWindowDuration("1y", "--test"),
 *   anchored: true,
 * };
 * assert.equal(options.train.unit, "y");
 * ```
 */
export type WalkForwardOptions = {
  readonly train: WindowDuration;
  readonly test: WindowDuration;
  /** Train spans all start on the first day (default false: rolling). */
  readonly anchored?: boolean;
  /** What to do with a last test span shorter than `test` (default "keep"). */
  readonly lastPartial?: "keep" | "drop";
};

/**
 * Cuts a trading calendar (ascending ISO dates) into walk-forward windows by
 * the rules of this module's doc. Throws {@link InputError} when the calendar
 * is too short for one window, and `RangeError` on a calendar that is not
 * ascending ISO dates.
 *
 * @example Rolling windows of 4 trading days, tested 2 days at a time
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseWindowDuration, walkForwardWindows } from "./mod.ts";
 *
 * const days = Array.from({ length: 9 }, (_, i) => `2024-03-${String(i + 10).padStart(2, "0")}`);
 * const d = (text: string) => parseWindowDuration(text, "example");
 * const windows = walkForwardWindows(days, { train: d("4d"), test: d("2d") });
 * assert.deepEqual(windows.map((w) => [w.train.from, w.train.to, w.test.from, w.test.to]), [
 *   [0, 3, 4, 5],
 *   [2, 5, 6, 7],
 *   [4, 7, 8, 8], // the last test span is cut by the end of the data
 * ]);
 * assert.equal(windows[2]?.partial, true);
 * ```
 */
export function walkForwardWindows(
  calendar: readonly string[],
  options: WalkForwardOptions,
): WalkForwardWindow[] {
  const days = _dayNumbers(calendar);
  const n = days.length;
  const { train, test } = options;
  if (n === 0) throw new InputError("walk-forward: the calendar is empty: there is no data to cut");
  const firstTest = _boundary(calendar, days, 0, train, 1);
  if (firstTest >= n) {
    throw new InputError(
      `walk-forward: the calendar covers ${
        _cover(calendar)
      }: a ${train.text} training window leaves no day to test; shorten the training window or load more history`,
    );
  }
  const windows: WalkForwardWindow[] = [];
  for (let k = 0;; k++) {
    const from = _boundary(calendar, days, firstTest, test, k);
    if (from >= n) break;
    const end = _boundary(calendar, days, firstTest, test, k + 1);
    const partial = end > n || (end === n && !_reachesEnd(calendar, days, firstTest, test, k + 1));
    if (partial && options.lastPartial === "drop") break;
    const trainFrom = options.anchored ? 0 : _trainStart(calendar, days, from, train);
    if (from - trainFrom < 2) {
      throw new InputError(
        `walk-forward: the training window before ${calendar[from]} holds ${
          from - trainFrom
        } trading day(s): at least 2 are needed for one return; lengthen the ${train.text} training window`,
      );
    }
    windows.push({
      index: k,
      train: _span(calendar, trainFrom, from - 1),
      test: _span(calendar, from, Math.min(end, n) - 1),
      partial,
    });
  }
  if (windows.length === 0) {
    throw new InputError(
      `walk-forward: the calendar covers ${
        _cover(calendar)
      }: no complete ${test.text} test window follows the ${train.text} training window (partial windows are dropped)`,
    );
  }
  return windows;
}

/**
 * The dates the stitched out-of-sample curve covers: every test span, in order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { outOfSampleDates, parseWindowDuration, walkForwardWindows } from "./mod.ts";
 *
 * const days = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"];
 * const d = (text: string) => parseWindowDuration(text, "example");
 * const windows = walkForwardWindows(days, { train: d("2d"), test: d("1d") });
 * assert.deepEqual(outOfSampleDates(days, windows), ["2024-01-04", "2024-01-05"]);
 * ```
 */
export function outOfSampleDates(
  calendar: readonly string[],
  windows: readonly WalkForwardWindow[],
): string[] {
  const first = windows[0], last = windows[windows.length - 1];
  if (first === undefined || last === undefined) return [];
  return calendar.slice(first.test.from, last.test.to + 1);
}

/** Index of the first day on or after `times` durations from day `origin`; may be `n` or more. */
function _boundary(
  calendar: readonly string[],
  days: Float64Array,
  origin: number,
  duration: WindowDuration,
  times: number,
): number {
  if (duration.unit === "d") return origin + duration.amount * times;
  const target = isoDayNumber(shiftIsoDate(calendar[origin] ?? "", duration, times));
  return lowerBound(days, target);
}

/** Calendar days a market may stay closed (a long weekend) before the end counts as missing data. */
const CLOSED_DAYS_TOLERATED = 4;

/** True when the calendar reaches the end boundary, give or take a long weekend. */
function _reachesEnd(
  calendar: readonly string[],
  days: Float64Array,
  firstTest: number,
  test: WindowDuration,
  times: number,
): boolean {
  if (test.unit === "d") return firstTest + test.amount * times <= days.length;
  const target = isoDayNumber(shiftIsoDate(calendar[firstTest] ?? "", test, times));
  return (days[days.length - 1] ?? -Infinity) >= target - CLOSED_DAYS_TOLERATED;
}

function _trainStart(
  calendar: readonly string[],
  days: Float64Array,
  testFrom: number,
  train: WindowDuration,
): number {
  if (train.unit === "d") return Math.max(0, testFrom - train.amount);
  return lowerBound(days, isoDayNumber(shiftIsoDate(calendar[testFrom] ?? "", train, -1)));
}

function _span(calendar: readonly string[], from: number, to: number): WindowSpan {
  return { from, to, start: calendar[from] ?? "", end: calendar[to] ?? "", days: to - from + 1 };
}

function _cover(calendar: readonly string[]): string {
  if (calendar.length === 0) return "no day";
  return `${calendar[0]} to ${calendar[calendar.length - 1]} (${calendar.length} trading days)`;
}

function _dayNumbers(calendar: readonly string[]): Float64Array {
  const days = new Float64Array(calendar.length);
  for (let i = 0; i < calendar.length; i++) {
    const day = isoDayNumber(calendar[i] ?? "");
    if (Number.isNaN(day) || (i > 0 && day <= (days[i - 1] ?? 0))) {
      throw new RangeError(
        `Cannot cut walk-forward windows as the calendar must be ascending ISO dates: calendar[${i}] is "${
          calendar[i]
        }"${i > 0 ? ` after "${calendar[i - 1]}"` : ""}`,
      );
    }
    days[i] = day;
  }
  return days;
}
