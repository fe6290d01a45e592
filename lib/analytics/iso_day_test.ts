import assert from "node:assert/strict";
import fc from "fast-check";
import { formatIsoDay, parseIsoDay } from "../data/dates.ts";
import { isoDayNumber } from "./iso_day.ts";

Deno.test("isoDayNumber() counts days from 1970-01-01", () => {
  assert.equal(isoDayNumber("1970-01-01"), 0);
  assert.equal(isoDayNumber("1969-12-31"), -1);
  assert.equal(isoDayNumber("2000-03-01"), 11_017); // 30 years of 365 days + 7 leap days + 59 + 1
});

Deno.test("isoDayNumber() agrees with parseIsoDay on every day from 1900 to 2200", () => {
  fc.assert(
    fc.property(fc.integer({ min: -25_567, max: 84_006 }), (day) => {
      const text = formatIsoDay(day);
      assert.equal(isoDayNumber(text), parseIsoDay(text));
      assert.equal(isoDayNumber(text), day);
    }),
    { seed: 7, numRuns: 2_000 },
  );
});

Deno.test("isoDayNumber() rejects text that is not a real calendar date, as parseIsoDay does", () => {
  const invalid = [
    "2023-02-29",
    "2100-02-29",
    "2024-04-31",
    "2024-13-01",
    "2024-00-10",
    "2024-01-00",
    "2024-1-01",
    "2024/01/01",
    "2024-01-01T00:00",
    "20x4-01-01",
    "",
  ];
  for (const text of invalid) {
    assert.ok(Number.isNaN(isoDayNumber(text)), text);
    assert.ok(Number.isNaN(parseIsoDay(text)), text);
  }
  assert.equal(isoDayNumber("2000-02-29"), parseIsoDay("2000-02-29"));
  assert.equal(isoDayNumber("2024-02-29"), parseIsoDay("2024-02-29"));
});
