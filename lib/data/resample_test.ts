/** Tests of resample.ts. @module */
import assert from "node:assert/strict";
import fc from "fast-check";
import { type BarRow, seriesFromRows } from "./bars.ts";
import { formatIsoDay, parseIsoDay, weekdayOfDay } from "./dates.ts";
import {
  barsKnownBy,
  bucketDays,
  lastCompletedBucket,
  resampleColumns,
  resampleDaily,
  resampleHourly,
} from "./resample.ts";

const MS_PER_DAY = 86_400_000;
const days = (...dates: string[]) => Int32Array.from(dates, parseIsoDay);

function dailyRow(date: string, close: number, volume = 100): BarRow {
  return {
    time: parseIsoDay(date) * MS_PER_DAY,
    open: close - 1,
    high: close + 2,
    low: close - 2,
    close,
    adjClose: close,
    volume,
  };
}

Deno.test("bucketDays() keeps an ISO week whole across the new year and splits the month", () => {
  const calendar = days("2019-12-30", "2019-12-31", "2020-01-02", "2020-01-03", "2020-01-06");
  assert.deepEqual([...bucketDays(calendar, "1w").bucketOf], [0, 0, 0, 0, 1]);
  assert.deepEqual([...bucketDays(calendar, "1mo").bucketOf], [0, 0, 1, 1, 1]);
});

Deno.test("bucketDays() completes a week whose Friday is a holiday at the next day's close", () => {
  // Good Friday 2024-03-29: the week's last trading day is Thursday 03-28.
  const calendar = days("2024-03-27", "2024-03-28", "2024-04-01");
  const weeks = bucketDays(calendar, "1w");
  assert.deepEqual([...weeks.last], [1, 2]); // stamped Thursday
  assert.deepEqual([...weeks.completedAt], [-1, -1, 0]);
  // March's last weekday is that holiday too: March completes on April 1st.
  assert.deepEqual([...bucketDays(calendar, "1mo").completedAt], [-1, -1, 0]);
});

Deno.test("bucketDays() completes a month at its last weekday when the month ends on a weekend", () => {
  // 2024-08-31 is a Saturday; Friday 08-30 closes August.
  const months = bucketDays(days("2024-08-29", "2024-08-30", "2024-09-03"), "1mo");
  assert.deepEqual([...months.completedAt], [-1, 0, 0]);
  assert.equal(lastCompletedBucket(months, 1), 0);
});

Deno.test("bucketDays() with weekDays 7 keeps weekends in their week and completes on Sunday", () => {
  // Fri 2024-01-05, Sat 01-06, Sun 01-07, Mon 01-08.
  const calendar = days("2024-01-05", "2024-01-06", "2024-01-07", "2024-01-08");
  const seven = bucketDays(calendar, "1w", { weekDays: 7 });
  assert.deepEqual([...seven.bucketOf], [0, 0, 0, 1]);
  assert.deepEqual([...seven.completedAt], [-1, -1, 0, 0]);
  // With five trading days a weekend bar goes with the next Monday, and Friday completes.
  const five = bucketDays(calendar, "1w");
  assert.deepEqual([...five.bucketOf], [0, 1, 1, 1]);
  assert.deepEqual([...five.completedAt], [0, 0, 0, 0]);
});

Deno.test("a completed bucket never holds a day after the day it is used on", () => {
  // Random calendars (weekends included), both week conventions, both intervals.
  const calendar = fc.uniqueArray(fc.integer({ min: 18_000, max: 18_400 }), { maxLength: 150 })
    .map((list) => Int32Array.from(list.sort((a, b) => a - b)));
  fc.assert(
    fc.property(
      calendar,
      fc.constantFrom("1w" as const, "1mo" as const),
      fc.constantFrom(5 as const, 7 as const),
      (calendarDays, interval, weekDays) => {
        const full = bucketDays(calendarDays, interval, { weekDays });
        full.completedAt.forEach((b, t) => {
          if (b >= 0) assert.ok((full.last[b] as number) <= t, `day ${t} uses bucket ${b}`);
          const prefix = bucketDays(calendarDays.subarray(0, t + 1), interval, { weekDays });
          assert.equal(prefix.completedAt[t], b, "the same on a prefix of the calendar");
        });
      },
    ),
    { numRuns: 100 },
  );
});

Deno.test("resampleColumns() skips NaN and gives NaN for a bucket without values", () => {
  const buckets = { first: Int32Array.from([0, 3]), last: Int32Array.from([2, 4]) };
  const out = resampleColumns(buckets, {
    open: Float64Array.from([NaN, 2, 3, NaN, NaN]),
    high: Float64Array.from([NaN, 5, 4, NaN, NaN]),
    low: Float64Array.from([NaN, 1, 2, NaN, NaN]),
    close: Float64Array.from([NaN, 3, NaN, NaN, NaN]),
    volume: Float64Array.from([NaN, 10, 20, NaN, NaN]),
  });
  assert.deepEqual([out.open[0], out.high[0], out.low[0], out.close[0], out.volume[0]], [
    2,
    5,
    1,
    3,
    30,
  ]);
  assert.ok([out.open, out.high, out.low, out.close, out.volume].every((c) => Number.isNaN(c[1])));
});

Deno.test("resampleDaily() builds weekly bars stamped on each week's last trading day", () => {
  const daily = seriesFromRows("X", "1d", [
    dailyRow("2024-01-03", 10, 1),
    dailyRow("2024-01-04", 12, 2),
    dailyRow("2024-01-05", 11, 3),
    dailyRow("2024-01-08", 13, 4),
  ]);
  const weekly = resampleDaily(daily, "1w");
  assert.equal(weekly.interval, "1w");
  assert.deepEqual([...weekly.open], [9, 12]);
  assert.deepEqual([...weekly.high], [14, 15]);
  assert.deepEqual([...weekly.low], [8, 11]);
  assert.deepEqual([...weekly.close], [11, 13]);
  assert.deepEqual([...weekly.volume], [6, 4]);
  assert.deepEqual([...weekly.time].map((ms) => formatIsoDay(ms / MS_PER_DAY)), [
    "2024-01-05",
    "2024-01-08",
  ]);
  assert.throws(() => resampleDaily(weekly, "1mo"), /interval must be 1d: current value is 1w/);
});

Deno.test("resampleHourly() cuts each day from its first bar and never crosses a day", () => {
  const day1 = Date.UTC(2024, 0, 3, 14, 30), day2 = Date.UTC(2024, 0, 4, 14, 30);
  const rows: BarRow[] = [0, 1, 2, 3, 4, 5, 6].flatMap((h) =>
    [day1, day2].map((start) => ({
      time: start + h * 3_600_000,
      open: h,
      high: h + 1,
      low: h - 1,
      close: h + 0.5,
      adjClose: h + 0.5,
      volume: 1,
    }))
  ).sort((a, b) => a.time - b.time);
  const bars = resampleHourly(seriesFromRows("X", "1h", rows));
  assert.equal(bars.interval, "4h");
  assert.deepEqual([...bars.volume], [4, 3, 4, 3]);
  assert.deepEqual([...bars.high], [4, 7, 4, 7]);
  assert.deepEqual([...bars.low], [-1, 3, -1, 3]);
  // Each stamped at its last hourly bar: 17:30 and 20:30 UTC.
  assert.deepEqual([...bars.time], [
    day1 + 3 * 3_600_000,
    day1 + 6 * 3_600_000,
    day2 + 3 * 3_600_000,
    day2 + 6 * 3_600_000,
  ]);
  // At the close of each day all of its 4-hour bars are known.
  assert.deepEqual([...barsKnownBy(bars, days("2024-01-02", "2024-01-03", "2024-01-04"))], [
    -1,
    1,
    3,
  ]);
});

const backtraderFile = new URL("../../../shared/data/backtrader/2006-day-001.txt", import.meta.url);
const backtraderExists = (() => {
  try {
    return Deno.statSync(backtraderFile).isFile;
  } catch {
    return false;
  }
})();
if (!backtraderExists) console.log(`skipping: ${backtraderFile.pathname} is absent`);

Deno.test({
  name: "resampleDaily() weekly closes give backtrader's weekly SMA(30) checkpoints",
  ignore: !backtraderExists,
  fn: () => {
    // Expected: mementum/backtrader tests/test_data_resample.py (SMA(30) on the weekly
    // resample of 2006-day-001.txt; checkpoints as in tests/testcommon.py).
    const rows = Deno.readTextFileSync(backtraderFile).trim().split("\n").slice(1).map((line) => {
      const [date = "", open, high, low, close, volume] = line.split(",");
      return {
        time: parseIsoDay(date) * MS_PER_DAY,
        open: Number(open),
        high: Number(high),
        low: Number(low),
        close: Number(close),
        adjClose: Number(close),
        volume: Number(volume),
      };
    });
    const weekly = resampleDaily(seriesFromRows("X", "1d", rows), "1w");
    const n = weekly.close.length;
    assert.equal(n, 52);
    const mean30 = (end: number) => {
      let s = 0;
      for (let i = end - 29; i <= end; i++) s += weekly.close[i] as number;
      return (s / 30).toFixed(6);
    };
    const checkpoints = [n - 1, 29, n - 1 + Math.floor((30 - n) / 2)];
    assert.deepEqual(checkpoints.map(mean30), ["3836.453333", "3703.962333", "3741.802000"]);
    assert.ok(weekly.time.every((ms) => weekdayOfDay(ms / MS_PER_DAY) !== 0));
  },
});
