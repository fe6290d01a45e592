import assert from "node:assert/strict";
import { axesOf, isRegimeName, REGIME_NAMES, regimeOf } from "./regime.ts";

Deno.test("regimeOf() names the seed's four quadrants", () => {
  assert.equal(regimeOf("up", "down"), "Goldilocks");
  assert.equal(regimeOf("up", "up"), "Reflation");
  assert.equal(regimeOf("down", "up"), "Inflation");
  assert.equal(regimeOf("down", "down"), "Deflation");
});

Deno.test("axesOf() inverts regimeOf() for every regime", () => {
  for (const regime of REGIME_NAMES) {
    const { growth, inflation } = axesOf(regime);
    assert.equal(regimeOf(growth, inflation), regime);
  }
});

Deno.test("isRegimeName() accepts the four names only, case included", () => {
  assert.ok(REGIME_NAMES.every(isRegimeName));
  assert.equal(isRegimeName("goldilocks"), false);
  assert.equal(isRegimeName("Stagflation"), false);
});
