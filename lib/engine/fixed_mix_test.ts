import assert from "node:assert/strict";
import { fixedMix } from "./fixed_mix.ts";
import { flat, testPanel } from "./_test_panel.ts";
import { runBacktest } from "./run_backtest.ts";

const noCosts = { commission: { type: "none" }, fractional: true } as const;

Deno.test("fixedMix() held buys on the first day every member has a bar, then never trades", () => {
  // B lists on day 2 (2024-01-03); both are bought at day 3's open and held.
  const panel = testPanel({
    A: [flat(10), flat(10), flat(10), flat(10), flat(20)],
    B: [null, null, flat(10), flat(10), flat(5)],
  });
  const result = runBacktest({
    panel,
    cash: 1000,
    broker: noCosts,
    strategy: fixedMix({ weights: { A: 0.5, B: 0.5 }, rebalance: "never" }),
  });
  assert.deepEqual(result.fills.map((f) => [f.date, f.ticker, f.size]), [
    ["2024-01-04", "A", 50], // 500 at the open of 10
    ["2024-01-04", "B", 50],
  ]);
  // Hand calculation: 50 x 20 + 50 x 5 = 1,250 at the end, no rebalance back to 50/50.
  assert.equal(result.finalValue, 1250);
});

Deno.test("fixedMix() monthly keeps a member's weight in cash until it has a bar", () => {
  // 2024-01-30 .. 2024-02-02: B has no bar in January; February rebalances with it.
  const panel = testPanel({
    A: [flat(10), flat(10), flat(10), flat(10)],
    B: [null, null, flat(10), flat(10)],
  }, "2024-01-30");
  const result = runBacktest({
    panel,
    cash: 1000,
    broker: noCosts,
    strategy: fixedMix({ weights: { A: 0.6, B: 0.4 }, rebalance: "monthly" }),
  });
  assert.deepEqual(result.fills.map((f) => [f.date, f.ticker, f.side, f.size]), [
    ["2024-01-31", "A", "buy", 60], // 60% in A, 40% kept in cash
    ["2024-02-02", "B", "buy", 40], // February: B has a bar, A is already at 60%
  ]);
});

Deno.test("fixedMix() decides nothing on a day no member has a bar, and tries the next day", () => {
  const panel = testPanel({ A: [null, flat(10), flat(10)] });
  const result = runBacktest({
    panel,
    cash: 100,
    broker: noCosts,
    strategy: fixedMix({ weights: { A: 1 }, rebalance: "monthly" }),
  });
  assert.deepEqual(result.fills.map((f) => [f.date, f.size]), [["2024-01-03", 10]]);
});

Deno.test("fixedMix() refuses weights that are not positive or sum past 1, naming them", () => {
  assert.throws(
    () => fixedMix({ weights: { A: 0.7, B: 0.5 }, rebalance: "monthly" }),
    /sum to at most 1: current value is \{"A":0.7,"B":0.5\}/,
  );
  assert.throws(() => fixedMix({ weights: { A: 0 }, rebalance: "never" }), RangeError);
  assert.throws(() => fixedMix({ weights: {}, rebalance: "never" }), RangeError);
});
