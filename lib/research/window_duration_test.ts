import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { parseWindowDuration, shiftIsoDate } from "./window_duration.ts";

Deno.test("parseWindowDuration() reads years, months, weeks and trading days", () => {
  assert.deepEqual(parseWindowDuration("3y", "--train"), { amount: 3, unit: "y", text: "3y" });
  assert.deepEqual(parseWindowDuration(" 6M ", "--test"), { amount: 6, unit: "m", text: "6M" });
  assert.deepEqual(parseWindowDuration("2w", "--test"), { amount: 2, unit: "w", text: "2w" });
  assert.deepEqual(parseWindowDuration("126d", "--test"), { amount: 126, unit: "d", text: "126d" });
});

Deno.test("parseWindowDuration() names the flag and the text of a bad duration", () => {
  for (const text of ["", "3", "y", "3x", "1.5y", "-1y", "3 years", "1y6m"]) {
    assert.throws(
      () => parseWindowDuration(text, "--train"),
      (e: unknown) =>
        e instanceof InputError && e.message.startsWith(`--train: "${text}" is not a duration`),
      text,
    );
  }
  assert.throws(
    () => parseWindowDuration("0m", "--test"),
    InputError,
    `--test: "0m" is out of range`,
  );
  assert.throws(() => parseWindowDuration("300y", "--test"), InputError, "from 1 to 100");
});

Deno.test("shiftIsoDate() clamps to the month's end and goes back as well as forward", () => {
  const month = parseWindowDuration("1m", "t"), year = parseWindowDuration("1y", "t");
  assert.equal(shiftIsoDate("2024-01-31", month, 1), "2024-02-29");
  assert.equal(shiftIsoDate("2024-01-31", month, 2), "2024-03-31");
  assert.equal(shiftIsoDate("2024-02-29", year, -1), "2023-02-28");
  assert.equal(shiftIsoDate("2024-01-01", parseWindowDuration("2w", "t"), 1), "2024-01-15");
  assert.throws(() => shiftIsoDate("2024-01-01", parseWindowDuration("5d", "t"), 1), RangeError);
});
