import assert from "node:assert/strict";
import {
  affordableShares,
  commissionFor,
  sharesThatFit,
  validateCommission,
} from "./commission.ts";

Deno.test("commissionFor() charges nothing with type none", () => {
  assert.equal(commissionFor({ type: "none" }, 100, 50), 0);
});

Deno.test("commissionFor() charges per share with a minimum per fill", () => {
  const c = { type: "perShare", perShare: 0.005, minimum: 1 } as const;
  // Hand: 100 * 0.005 = 0.50 < 1 minimum; 1000 * 0.005 = 5.
  assert.equal(commissionFor(c, 100, 50), 1);
  assert.equal(commissionFor(c, 1000, 50), 5);
});

Deno.test("commissionFor() charges a percent of traded value", () => {
  // Hand: 10 * 25.24 * 0.001 = 0.2524 (backtrader's setcommission(0.001)).
  assert.ok(Math.abs(commissionFor({ type: "percent", rate: 0.001 }, 10, 25.24) - 0.2524) < 1e-12);
});

Deno.test("commissionFor() charges a fixed amount whatever the size", () => {
  assert.equal(commissionFor({ type: "fixed", amount: 4.95 }, 1, 10), 4.95);
  assert.equal(commissionFor({ type: "fixed", amount: 4.95 }, 1000, 10), 4.95);
});

Deno.test("affordableShares() leaves room for the commission", () => {
  // Hand: 1000 / (10 * 1.01) = 99.0099...; 1000 - 5 fixed = 995 / 10 = 99.5.
  assert.ok(
    Math.abs(affordableShares({ type: "percent", rate: 0.01 }, 1000, 10) - 99.00990099) < 1e-6,
  );
  assert.equal(affordableShares({ type: "fixed", amount: 5 }, 1000, 10), 99.5);
  // perShare 0.5, minimum 1: min((1000 - 1) / 10, 1000 / 10.5) = min(99.9, 95.238) = 95.238.
  const n = affordableShares({ type: "perShare", perShare: 0.5, minimum: 1 }, 1000, 10);
  assert.ok(Math.abs(n - 1000 / 10.5) < 1e-12);
  assert.equal(affordableShares({ type: "fixed", amount: 5 }, 3, 10), 0);
});

Deno.test("validateCommission() names the bad field", () => {
  assert.throws(
    () => validateCommission({ type: "percent", rate: -0.1 }),
    /rate must be a finite number >= 0: current value is -0.1/,
  );
  assert.throws(
    () => validateCommission({ type: "bogus" } as unknown as { type: "none" }),
    /type must be none, perShare, percent or fixed: current value is bogus/,
  );
});

Deno.test("sharesThatFit() floors to whole shares that cash covers with the commission", () => {
  // Hand: 100 / (11 * 1.01) = 9.0009 -> 9 (9 * 11 * 1.01 = 99.99 <= 100); fractional keeps 9.0009.
  const c = { type: "percent", rate: 0.01 } as const;
  assert.equal(sharesThatFit(c, 100, 11, false), 9);
  const n = sharesThatFit(c, 100, 11, true);
  assert.ok(n * 11 * 1.01 <= 100 && n > 9);
  assert.equal(sharesThatFit({ type: "fixed", amount: 5 }, 4, 1, false), 0);
});
