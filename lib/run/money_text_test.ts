import assert from "node:assert/strict";
import fc from "fast-check";
import { moneyText } from "./money_text.ts";

// Reference: the text ICU gives through toLocaleString, which moneyText replaces.
const icu = (x: number) =>
  x.toLocaleString("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 });

Deno.test("moneyText() writes what en-US toLocaleString writes, ties and carries included", () => {
  const cases = [
    0,
    -0,
    1,
    -1,
    0.125,
    0.375,
    2.675,
    1.005,
    1.015,
    1.025,
    -0.125,
    0.005,
    -0.004,
    0.995,
    9.995,
    999.995,
    999_999.995,
    1_234_567.891,
    100_000,
    166_505.29,
    141_736.43,
    123_456_789.125,
    1e20,
    9.999999999999999e20,
    1e21,
    1e-7,
    -1e-7,
    5e-324,
    Number.MAX_VALUE,
    NaN,
    Infinity,
    -Infinity,
  ];
  for (const x of cases) assert.equal(moneyText(x), icu(x), `x = ${x}`);
});

Deno.test("moneyText() agrees with toLocaleString on any double", () => {
  fc.assert(
    fc.property(fc.double({ noNaN: false }), (x) => {
      assert.equal(moneyText(x), icu(x));
    }),
    { numRuns: 20_000 },
  );
  // Cents and half-cents, where rounding ties live.
  fc.assert(
    fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (n) => {
      assert.equal(moneyText(n / 200), icu(n / 200));
      assert.equal(moneyText(n / 8), icu(n / 8));
    }),
    { numRuns: 20_000 },
  );
});
