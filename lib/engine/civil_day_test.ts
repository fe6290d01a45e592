import assert from "node:assert/strict";
import { formatIsoDay, parseIsoDay, yearMonthOfDay } from "../data/dates.ts";
import { isoDateOfDay, monthIndexOfDay } from "./civil_day.ts";

Deno.test("isoDateOfDay() and monthIndexOfDay() agree with Date from 1900 to 2100", () => {
  // Reference: lib/data/dates.ts, built on the JavaScript Date (proleptic Gregorian calendar).
  for (let day = parseIsoDay("1900-01-01"); day <= parseIsoDay("2100-12-31"); day++) {
    const { year, month } = yearMonthOfDay(day);
    if (isoDateOfDay(day) !== formatIsoDay(day) || monthIndexOfDay(day) !== year * 12 + month) {
      assert.fail(`day ${day}: ${isoDateOfDay(day)} / ${formatIsoDay(day)}`);
    }
  }
  assert.equal(isoDateOfDay(parseIsoDay("2000-02-29")), "2000-02-29");
});
