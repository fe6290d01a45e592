import assert from "node:assert/strict";
import { type TestBar, testPanel } from "../engine/_test_panel.ts";
import type { Fill, Side } from "../engine/types.ts";
import { assertClose } from "./_assert_close.ts";
import {
  type AblationRun,
  positionCycles,
  protectionEffect,
  ruleVerdicts,
  type RunFigures,
  runFigures,
  slippageCost,
} from "./protection_effectiveness.ts";

// 30 calendar days from 2024-01-01 (day t is 2024-01-(t+1)). AAA opens at 100 and closes
// at 101 every day, BBB opens and closes at 50; BBB has no bar on day 29.
const aaa: TestBar = [100, 102, 99, 101];
const panel = testPanel({
  AAA: Array.from({ length: 30 }, () => aaa),
  BBB: Array.from({ length: 30 }, (_, t): TestBar => t === 29 ? null : [50, 51, 49, 50]),
});
const date = (t: number) => panel.dateAt(t);

let nextId = 1;
function fill(ticker: string, side: Side, size: number, price: number, t: number): Fill {
  return {
    orderId: nextId++,
    ticker,
    side,
    size,
    price,
    commission: 1,
    placed: date(t - 1),
    date: date(t),
  };
}

// Fills at the open with 5 bps of slippage (buys 100.05 and 50.025, sells 99.95):
// AAA opened day 1, decayed day 3, closed day 5 (cycle 1: 4 days), reopened day 8 (3 days
// after the close), closed day 25 (cycle 2: 17 days); BBB opened day 2 and still held.
const fills: Fill[] = [
  fill("AAA", "buy", 10, 100.05, 1),
  fill("BBB", "buy", 20, 50.025, 2),
  fill("AAA", "sell", 4, 99.95, 3),
  fill("AAA", "sell", 6, 99.95, 5),
  fill("AAA", "buy", 5, 100.05, 8),
  fill("AAA", "sell", 5, 99.95, 25),
];

Deno.test("positionCycles() follows a holding from zero back to zero, decays inside the cycle", () => {
  assert.deepEqual(positionCycles(fills, panel), [
    { ticker: "AAA", openT: 1, closeT: 5, daysSincePreviousClose: null },
    { ticker: "AAA", openT: 8, closeT: 25, daysSincePreviousClose: 3 },
  ]);
});

Deno.test("positionCycles() scales a holding by a split on its day", () => {
  // 10 shares, a 2-for-1 split on day 4: 20 shares; selling 10 on day 6 leaves 10 (open),
  // selling 10 more on day 7 closes the cycle (without the split, day 6 would close it).
  const split = testPanel({ AAA: Array.from({ length: 10 }, () => aaa) }, "2024-01-01", {
    AAA: [{ t: 4, ratio: 2 }],
  });
  const cycles = positionCycles([
    fill("AAA", "buy", 10, 100, 1),
    fill("AAA", "sell", 10, 100, 6),
    fill("AAA", "sell", 10, 100, 7),
  ], split);
  assert.deepEqual(cycles, [{ ticker: "AAA", openT: 1, closeT: 7, daysSincePreviousClose: null }]);
});

Deno.test("slippageCost() sums |fill price - the bar's open| x size", () => {
  // AAA: 0.05 x (10 + 4 + 6 + 5 + 5) = 1.5; BBB: 0.025 x 20 = 0.5.
  assertClose(slippageCost(fills, panel, "nextOpen"), 2.0, 1e-12, "slippage");
  // Against the close (101): 0.95 x 10 + 1.05 x 10 + 0.95 x 5 + 1.05 x 5 + BBB 0.5 = 30.5.
  assertClose(slippageCost(fills, panel, "close"), 30.5, 1e-12, "slippage at the close");
});

Deno.test("slippageCost() refuses a fill on a day without a bar", () => {
  assert.throws(
    () => slippageCost([fill("BBB", "sell", 20, 50, 29)], panel, "nextOpen"),
    RangeError,
  );
});

const run: AblationRun = {
  fills,
  trades: [{}, {}, {}],
  metrics: { totalReturn: 0.1, maxDrawdown: { depth: -0.2 }, sharpe: 0.8, turnover: 3 },
  protection: {
    verdicts: [
      { rule: "grace_period", outcome: "blocked", count: 2 },
      { rule: "grace_period", outcome: "modified", count: 3 },
      { rule: "whipsaw", outcome: "blocked", count: 4 },
      { rule: "grace_period", outcome: "blocked", count: 1 },
      { rule: "regime_override", outcome: "overridden", count: 5 },
      { rule: "none", outcome: "approved", count: 9 },
    ],
  },
};

Deno.test("runFigures() counts cycles, short cycles, quick reopens, traded value and costs", () => {
  const f = runFigures(run, panel, { windowDays: 14, fillAt: "nextOpen" });
  // Traded: 1000.5 + 1000.5 + 399.8 + 599.7 + 500.25 + 499.75 = 4000.5; 6 fills at 1 each.
  assert.deepEqual({ ...f, tradedValue: 0, slippage: 0, costs: 0 }, {
    totalReturn: 0.1,
    maxDrawdown: -0.2,
    sharpe: 0.8,
    fills: 6,
    trades: 3,
    cycles: 2,
    shortCycles: 1, // 4 days < 14; the second lasted 17
    quickReopens: 1, // reopened 3 days after the close
    tradedValue: 0,
    annualTurnover: 3,
    commission: 6,
    slippage: 0,
    costs: 0,
  });
  assertClose(f.tradedValue, 4000.5, 1e-12, "traded value");
  assertClose(f.costs, 8, 1e-12, "commission 6 + slippage 2");
  // A window of 3 days: the 4-day cycle is no longer short, the 3-day reopen not quick.
  const narrow = runFigures(run, panel, { windowDays: 3, fillAt: "nextOpen" });
  assert.deepEqual([narrow.shortCycles, narrow.quickReopens], [0, 0]);
});

Deno.test("protectionEffect() gives activity as variant minus base, results as base minus variant", () => {
  const base: RunFigures = {
    totalReturn: 0.20,
    maxDrawdown: -0.10,
    sharpe: 1.0,
    fills: 100,
    trades: 80,
    cycles: 30,
    shortCycles: 5,
    quickReopens: 0,
    tradedValue: 1_000_000,
    annualTurnover: 4,
    commission: 100,
    slippage: 500,
    costs: 600,
  };
  const off: RunFigures = {
    ...base,
    totalReturn: 0.15,
    maxDrawdown: -0.14,
    sharpe: 0.7,
    fills: 130,
    trades: 95,
    cycles: 42,
    shortCycles: 12,
    quickReopens: 9,
    tradedValue: 1_300_000,
    annualTurnover: 5.5,
    commission: 130,
    slippage: 650,
    costs: 780,
  };
  const e = protectionEffect(base, off);
  assert.deepEqual(e, {
    cyclesPrevented: 12,
    shortCyclesPrevented: 7,
    quickReopensPrevented: 9,
    fillsSaved: 30,
    tradesSaved: 15,
    tradedValueSaved: 300_000,
    turnoverSaved: 1.5,
    commissionSaved: 30,
    slippageSaved: 150,
    costsSaved: 180,
    returnDifference: 0.20 - 0.15,
    maxDrawdownDifference: -0.10 - -0.14, // +0.04: the drawdown was 4 points shallower
    sharpeDifference: 1.0 - 0.7,
  });
  assert.equal(protectionEffect(base, { ...off, sharpe: null }).sharpeDifference, null);
  assert.deepEqual(
    Object.values(protectionEffect(base, base)).every((x) => x === 0),
    true,
    "the same run changes nothing",
  );
});

Deno.test("ruleVerdicts() adds a rule's verdicts over the days by outcome", () => {
  assert.deepEqual(ruleVerdicts(run, "grace_period"), { blocked: 3, modified: 3, overridden: 0 });
  assert.deepEqual(ruleVerdicts(run, "regime_override"), {
    blocked: 0,
    modified: 0,
    overridden: 5,
  });
  assert.deepEqual(ruleVerdicts({ ...run, protection: null }, "whipsaw"), {
    blocked: 0,
    modified: 0,
    overridden: 0,
  });
});
