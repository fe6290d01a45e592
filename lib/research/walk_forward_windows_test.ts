import assert from "node:assert/strict";
import fc from "fast-check";
import { isoDateOfDay } from "../engine/civil_day.ts";
import { isoDayNumber } from "../analytics/iso_day.ts";
import { InputError } from "../errors.ts";
import { outOfSampleDates, walkForwardWindows } from "./walk_forward_windows.ts";
import { parseWindowDuration, type WindowDuration } from "./window_duration.ts";

const d = (text: string): WindowDuration => parseWindowDuration(text, "test");

/** Every day (weekdays only when `weekdays`) from `start` to `end`, both inclusive. */
function calendarOf(start: string, end: string, weekdays = true): string[] {
  const out: string[] = [];
  for (let day = isoDayNumber(start); day <= isoDayNumber(end); day++) {
    const weekday = (((day + 4) % 7) + 7) % 7;
    if (!weekdays || (weekday !== 0 && weekday !== 6)) out.push(isoDateOfDay(day));
  }
  return out;
}

const spans = (windows: ReturnType<typeof walkForwardWindows>) =>
  windows.map((w) => [w.train.start, w.train.end, w.test.start, w.test.end, w.partial]);

Deno.test("walkForwardWindows() rolls 3y/1y windows on a weekday calendar, test years tiling the rest", () => {
  const calendar = calendarOf("2010-01-04", "2015-12-31");
  const windows = walkForwardWindows(calendar, { train: d("3y"), test: d("1y") });
  // By hand: the first test day is 2010-01-04 + 3y = 2013-01-04 (a Friday); later boundaries are
  // 2014-01-04 (Saturday -> Monday 6th) and 2015-01-04 (Sunday -> Monday 5th); each train span is
  // the three years before its test start, on or after that date. The calendar ends 2015-12-31,
  // four days before the 2016-01-04 boundary: complete (a long weekend, not missing data).
  assert.deepEqual(spans(windows), [
    ["2010-01-04", "2013-01-03", "2013-01-04", "2014-01-03", false],
    ["2011-01-06", "2014-01-03", "2014-01-06", "2015-01-02", false],
    ["2012-01-05", "2015-01-02", "2015-01-05", "2015-12-31", false],
  ]);
});

Deno.test("walkForwardWindows() anchored keeps every train span on the first day", () => {
  const calendar = calendarOf("2010-01-04", "2015-12-31");
  const windows = walkForwardWindows(calendar, { train: d("3y"), test: d("1y"), anchored: true });
  assert.deepEqual(windows.map((w) => w.train.start), ["2010-01-04", "2010-01-04", "2010-01-04"]);
  assert.deepEqual(windows.map((w) => w.train.end), ["2013-01-03", "2014-01-03", "2015-01-02"]);
});

Deno.test("walkForwardWindows() counts month boundaries from the first test day, so they do not drift", () => {
  const calendar = calendarOf("2020-01-01", "2020-05-31", false);
  const windows = walkForwardWindows(calendar, { train: d("30d"), test: d("1m") });
  // The first test day is day 30, 2020-01-31; boundaries are 31 Jan + k months, clamped to the
  // month's end: 29 Feb, 31 Mar (not 29 Mar, as adding a month to 29 Feb would give), 30 Apr, 31 May.
  assert.deepEqual(windows.map((w) => [w.test.start, w.test.end]), [
    ["2020-01-31", "2020-02-28"],
    ["2020-02-29", "2020-03-30"],
    ["2020-03-31", "2020-04-29"],
    ["2020-04-30", "2020-05-30"],
    ["2020-05-31", "2020-05-31"],
  ]);
  assert.deepEqual(windows.map((w) => w.partial), [false, false, false, false, true]);
  assert.ok(windows.every((w) => w.train.days === 30), "a 30d train span is 30 sessions");
});

Deno.test("walkForwardWindows() keeps a short last test span as partial, or drops it on request", () => {
  const calendar = calendarOf("2024-03-01", "2024-03-31", false);
  const keep = walkForwardWindows(calendar, { train: d("10d"), test: d("7d") });
  assert.deepEqual(keep.map((w) => [w.test.from, w.test.to, w.partial]), [
    [10, 16, false],
    [17, 23, false],
    [24, 30, false],
  ]);
  const short = calendar.slice(0, 29);
  const kept = walkForwardWindows(short, { train: d("10d"), test: d("7d") });
  assert.deepEqual(kept.map((w) => [w.test.from, w.test.to, w.partial]).at(-1), [24, 28, true]);
  const dropped = walkForwardWindows(short, {
    train: d("10d"),
    test: d("7d"),
    lastPartial: "drop",
  });
  assert.deepEqual(dropped.map((w) => w.test.to), [16, 23]);
});

Deno.test("walkForwardWindows() says what the calendar covers when it is too short for one window", () => {
  const calendar = calendarOf("2010-01-04", "2012-06-29");
  assert.throws(
    () => walkForwardWindows(calendar, { train: d("3y"), test: d("1y") }),
    (e: unknown) =>
      e instanceof InputError &&
      e.message.includes("2010-01-04 to 2012-06-29 (650 trading days)") &&
      e.message.includes("3y training window"),
  );
  assert.throws(
    () =>
      walkForwardWindows(calendar.slice(0, 12), {
        train: d("10d"),
        test: d("5d"),
        lastPartial: "drop",
      }),
    InputError,
    "no complete 5d test window",
  );
  assert.throws(
    () => walkForwardWindows([], { train: d("1y"), test: d("1m") }),
    InputError,
    "empty",
  );
  assert.throws(
    () => walkForwardWindows(calendar, { train: d("1d"), test: d("1m") }),
    InputError,
    "at least 2 are needed",
  );
});

Deno.test("walkForwardWindows() refuses a calendar that is not ascending ISO dates", () => {
  assert.throws(
    () => walkForwardWindows(["2024-01-03", "2024-01-02"], { train: d("1d"), test: d("1d") }),
    RangeError,
    'calendar[1] is "2024-01-02" after "2024-01-03"',
  );
  assert.throws(
    () => walkForwardWindows(["2024-13-01"], { train: d("1d"), test: d("1d") }),
    RangeError,
    "calendar[0]",
  );
});

Deno.test("walkForwardWindows() test spans tile the calendar after the first train span and no train span reaches its test", () => {
  const unit = fc.constantFrom("y", "m", "w", "d");
  fc.assert(
    fc.property(
      fc.integer({ min: 30, max: 1500 }),
      fc.integer({ min: 1, max: 3 }),
      unit,
      fc.integer({ min: 1, max: 3 }),
      unit,
      fc.boolean(),
      (length, trainAmount, trainUnit, testAmount, testUnit, anchored) => {
        const calendar = calendarOf("2001-02-28", "2010-12-31").slice(0, length);
        const train = d(`${trainAmount * (trainUnit === "d" ? 20 : 1)}${trainUnit}`);
        const test = d(`${testAmount * (testUnit === "d" ? 15 : 1)}${testUnit}`);
        let windows;
        try {
          windows = walkForwardWindows(calendar, { train, test, anchored });
        } catch (e) {
          if (e instanceof InputError) return; // too short: said so
          throw e;
        }
        const first = windows[0];
        assert.ok(first !== undefined);
        assert.equal(
          windows.at(-1)?.test.to,
          calendar.length - 1,
          "the last test ends on the last day",
        );
        windows.forEach((w, k) => {
          assert.equal(w.train.to, w.test.from - 1, "the train span ends on the eve of its test");
          assert.ok(w.train.days >= 2);
          if (anchored) assert.equal(w.train.from, 0);
          if (k > 0) {
            assert.equal(w.test.from, (windows[k - 1]?.test.to ?? NaN) + 1, "no gap, no overlap");
          }
          assert.equal(w.partial, w.partial && k === windows.length - 1);
        });
        assert.deepEqual(outOfSampleDates(calendar, windows), calendar.slice(first.test.from));
      },
    ),
    { seed: 10, numRuns: 300 },
  );
});
