import assert from "node:assert/strict";
import { formatIsoDay, parseIsoDay } from "./dates.ts";
import {
  easterSunday,
  newYorkUtcOffsetHours,
  nthWeekdayOfMonth,
  nyseHolidays,
  tradingDays,
} from "./fixture_calendar.ts";

Deno.test("tradingDays() counts the NYSE's trading days of 2011-2020 (252, 250, 252, 252, 252, 252, 251, 251, 252, 253)", () => {
  // Source: the NYSE's published annual trading-day counts (2012 lost two days to Hurricane
  // Sandy, 2018 one to the day of mourning for G. H. W. Bush, 2020 had no weekend-moved holiday loss).
  const expected = [252, 250, 252, 252, 252, 252, 251, 251, 252, 253];
  expected.forEach((n, k) => {
    const year = 2011 + k;
    assert.equal(tradingDays(`${year}-01-01`, `${year}-12-31`).length, n, String(year));
  });
});

Deno.test("nyseHolidays() of 2016 are the NYSE's published list", () => {
  // Source: NYSE holiday calendar 2016 (Christmas on Sunday, observed Monday Dec 26).
  assert.deepEqual(nyseHolidays(2016).map(formatIsoDay), [
    "2016-01-01",
    "2016-01-18",
    "2016-02-15",
    "2016-03-25",
    "2016-05-30",
    "2016-07-04",
    "2016-09-05",
    "2016-11-24",
    "2016-12-26",
  ]);
  // New Year's Day 2011 fell on a Saturday: no Friday closure (2010-12-31 traded).
  assert.ok(
    !nyseHolidays(2011).map(formatIsoDay).some((d) => d.endsWith("-01-01") || d === "2010-12-31"),
  );
});

Deno.test("easterSunday() matches the Gregorian Easter dates of 2019 and 2020", () => {
  assert.equal(formatIsoDay(easterSunday(2019)), "2019-04-21");
  assert.equal(formatIsoDay(easterSunday(2020)), "2020-04-12");
});

Deno.test("nthWeekdayOfMonth() finds the third Friday and the last Monday", () => {
  assert.equal(formatIsoDay(nthWeekdayOfMonth(2020, 3, 5, 3)), "2020-03-20");
  assert.equal(formatIsoDay(nthWeekdayOfMonth(2020, 5, 1, -1)), "2020-05-25");
});

Deno.test("newYorkUtcOffsetHours() switches on the second Sunday of March and the first of November", () => {
  assert.equal(newYorkUtcOffsetHours(parseIsoDay("2020-03-06")), -5);
  assert.equal(newYorkUtcOffsetHours(parseIsoDay("2020-03-09")), -4);
  assert.equal(newYorkUtcOffsetHours(parseIsoDay("2020-10-30")), -4);
  assert.equal(newYorkUtcOffsetHours(parseIsoDay("2020-11-02")), -5);
});

Deno.test("tradingDays() rejects a reversed or malformed range", () => {
  assert.throws(() => tradingDays("2020-02-01", "2020-01-01"), RangeError);
  assert.throws(() => tradingDays("2020-13-01", "2021-01-01"), RangeError);
});
