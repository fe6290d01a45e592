import assert from "node:assert/strict";
import { formatNumber, formatPercent, MISSING, roundSignificant } from "./format.ts";

Deno.test("formatNumber() groups thousands with commas and rounds to the digits asked", () => {
  assert.equal(formatNumber(0), "0");
  assert.equal(formatNumber(999.995, 2), "1,000.00");
  assert.equal(formatNumber(1234567), "1,234,567");
  assert.equal(formatNumber(-1234.5, 1), "-1,234.5");
});

Deno.test("formatNumber() shows a value that rounds to zero without a minus sign", () => {
  assert.equal(formatNumber(-0.001, 2), "0.00");
});

Deno.test("formatNumber() and formatPercent() show a dash for null and non-finite values", () => {
  for (const v of [null, NaN, Infinity]) {
    assert.equal(formatNumber(v), MISSING);
    assert.equal(formatPercent(v), MISSING);
  }
});

Deno.test("formatPercent() multiplies by 100", () => {
  assert.equal(formatPercent(0.123456), "12.35%");
  assert.equal(formatPercent(-0.5, 0), "-50%");
});

Deno.test("roundSignificant() keeps 7 significant digits by default", () => {
  assert.equal(roundSignificant(1234567.891), 1234568);
  assert.equal(roundSignificant(0.000123456789), 0.0001234568);
  assert.equal(roundSignificant(0), 0);
});
