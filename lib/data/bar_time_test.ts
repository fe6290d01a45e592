import assert from "node:assert/strict";
import fc from "fast-check";
import { daysFromCivil, formatBarTime, parseDayText, parseTimeText } from "./bar_time.ts";

const DAY = 86_400_000;

Deno.test("daysFromCivil() agrees with Date.UTC on every date from 1600 to 2400", () => {
  // Reference: the JavaScript Date implementation (proleptic Gregorian, UTC).
  fc.assert(
    fc.property(
      fc.date({ min: new Date("1600-01-01"), max: new Date("2400-12-31"), noInvalidDate: true }),
      (d) => {
        const y = d.getUTCFullYear(), m = d.getUTCMonth() + 1, day = d.getUTCDate();
        assert.equal(daysFromCivil(y, m, day) * DAY, Date.UTC(y, m - 1, day));
      },
    ),
  );
});

Deno.test("parseTimeText() reads dates, ISO date-times, spaced date-times and zones", () => {
  // Expected values: Date.UTC on the same instants, offsets worked out by hand.
  assert.equal(parseTimeText("2020-01-02"), Date.UTC(2020, 0, 2));
  assert.equal(parseTimeText("2020-01-02T14:30"), Date.UTC(2020, 0, 2, 14, 30));
  assert.equal(parseTimeText("2020-01-02T14:30:15Z"), Date.UTC(2020, 0, 2, 14, 30, 15));
  assert.equal(parseTimeText("2020-01-02 14:30:00"), Date.UTC(2020, 0, 2, 14, 30));
  // 09:30 at UTC-05:00 is 14:30 UTC; 01:00 at UTC+02:00 is 23:00 UTC the day before.
  assert.equal(parseTimeText("2020-01-02 09:30:00-05:00"), Date.UTC(2020, 0, 2, 14, 30));
  assert.equal(parseTimeText("2020-01-02T01:00:00+02:00"), Date.UTC(2020, 0, 1, 23, 0));
  assert.equal(parseTimeText("2020-02-29"), Date.UTC(2020, 1, 29));
});

Deno.test("parseTimeText() gives NaN for impossible dates, times and zones", () => {
  for (
    const bad of [
      "",
      "2020-1-2",
      "2021-02-29",
      "1900-02-29",
      "2020-04-31",
      "2020-13-01",
      "2020-00-10",
      "2020-01-02T24:00",
      "2020-01-02T12:60",
      "2020-01-02T12:00:61",
      "2020-01-02X12:00",
      "2020-01-02T12:00+0500",
      "2020-01-02T12:00 UTC",
      "2020/01/02",
      "20x0-01-02",
    ]
  ) {
    assert.ok(Number.isNaN(parseTimeText(bad)), bad);
  }
});

Deno.test("parseDayText() keeps the written date of a zoned date-time, at midnight UTC", () => {
  assert.equal(parseDayText("2023-01-03 00:00:00-05:00"), Date.UTC(2023, 0, 3));
  assert.equal(parseDayText("2023-01-03"), Date.UTC(2023, 0, 3));
  assert.ok(Number.isNaN(parseDayText("2023-01-03 25:00:00")));
});

Deno.test("formatBarTime() writes days for daily bars and minutes for intraday bars", () => {
  const ms = Date.UTC(2020, 0, 2, 14, 30);
  assert.equal(formatBarTime(ms, "1d"), "2020-01-02");
  assert.equal(formatBarTime(ms, "1h"), "2020-01-02T14:30Z");
  assert.equal(formatBarTime(NaN, "1d"), "NaN");
  assert.equal(formatBarTime(1e300, "1d"), "1e+300");
});
