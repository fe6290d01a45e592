/** Target-weight rebalancing; expected numbers are hand calculations beside them. */
import assert from "node:assert/strict";
import { runBacktest } from "./run_backtest.ts";
import { ordersForTargets } from "./rebalance.ts";
import { resolveBrokerOptions } from "./broker_options.ts";
import { flat, scripted, testPanel } from "./_test_panel.ts";

Deno.test("ordersForTargets() sizes on the close, floors to whole shares and lists sells first", () => {
  const orders = ordersForTargets({
    weights: Float64Array.of(0, 0.5, 0.5),
    shares: Float64Array.of(10, 0, 20),
    prices: Float64Array.of(10, 7, 10),
    value: 1000,
    options: resolveBrokerOptions({}),
  });
  // Asset 0 is not named: sell all 10. Asset 1: 500 / 7 = 71.4 -> 71. Asset 2: 500 / 10 = 50 -> buy 30.
  assert.deepEqual(orders, [
    { asset: 0, side: "sell", size: 10 },
    { asset: 1, side: "buy", size: 71 },
    { asset: 2, side: "buy", size: 30 },
  ]);
});

Deno.test("ordersForTargets() sizes fractional shares when fractional is on", () => {
  const [order] = ordersForTargets({
    weights: Float64Array.of(1 / 3),
    shares: Float64Array.of(0),
    prices: Float64Array.of(7),
    value: 1000,
    options: resolveBrokerOptions({ fractional: true }),
  });
  assert.ok(order && Math.abs(order.size - 1000 / 3 / 7) < 1e-9); // 47.619...
});

Deno.test("ordersForTargets() leaves room for slippage and commission in each buy", () => {
  const [order] = ordersForTargets({
    weights: Float64Array.of(1),
    shares: Float64Array.of(0),
    prices: Float64Array.of(10),
    value: 1000,
    options: resolveBrokerOptions({ slippageBps: 100, commission: { type: "fixed", amount: 5 } }),
  });
  // Buy price 10.10; (1000 - 5) / 10.10 = 98.5 -> 98 shares (98 * 10.10 + 5 = 994.80 <= 1000).
  assert.deepEqual(order, { asset: 0, side: "buy", size: 98 });
});

Deno.test("ordersForTargets() skips changes below minTradeWeight", () => {
  const input = {
    weights: Float64Array.of(0.5),
    shares: Float64Array.of(50),
    prices: Float64Array.of(10.1),
    value: 1005,
  };
  // Rounded down, the target is floor(0.5 * 1005 / 10.1) = floor(49.75) = 49: selling 1 share
  // is 10.10, about 1% of value.
  const down = { rounding: "down" } as const;
  assert.deepEqual(ordersForTargets({ ...input, options: resolveBrokerOptions(down) }), [
    { asset: 0, side: "sell", size: 1 },
  ]);
  assert.deepEqual(
    ordersForTargets({
      ...input,
      options: resolveBrokerOptions({ ...down, minTradeWeight: 0.02 }),
    }),
    [],
  );
  // Rounded to the nearest share, 49.75 is 50: already held, no trade.
  assert.deepEqual(ordersForTargets({ ...input, options: resolveBrokerOptions({}) }), []);
});

Deno.test("ordersForTargets() rounds down: an asset priced above its target value is sold to zero", () => {
  const input = {
    weights: Float64Array.of(0.1),
    shares: Float64Array.of(1),
    prices: Float64Array.of(150),
    value: 1050,
  };
  // 0.1 * 1050 / 150 = 0.7 shares: down makes it 0 (sell the one held), nearest 1 (keep it).
  assert.deepEqual(
    ordersForTargets({ ...input, options: resolveBrokerOptions({ rounding: "down" }) }),
    [{ asset: 0, side: "sell", size: 1 }],
  );
  assert.deepEqual(ordersForTargets({ ...input, options: resolveBrokerOptions({}) }), []);
});

Deno.test("ordersForTargets() rounds to the nearest share the cash covers, largest remainder first", () => {
  const input = {
    weights: Float64Array.of(0.1, 0.9),
    shares: Float64Array.of(1, 0),
    prices: Float64Array.of(150, 10),
    value: 1050,
  };
  // Exact targets 0.7 and 94.5 shares. Whole parts: sell the 1 share of asset 0 (+150) and buy
  // 94 (940), which leaves 900 + 150 - 940 = 110. Rounding asset 0 up (remainder 0.7) would
  // cost the 150 of that sale: it does not fit; asset 1's (0.5) costs 10 and does.
  assert.deepEqual(ordersForTargets({ ...input, options: resolveBrokerOptions({}) }), [
    { asset: 0, side: "sell", size: 1 },
    { asset: 1, side: "buy", size: 95 },
  ]);
});

Deno.test("ordersForTargets() with band leaves a holding within its drift band alone", () => {
  const input = {
    weights: Float64Array.of(0.5, 0.5),
    shares: Float64Array.of(52, 40),
    prices: Float64Array.of(10, 10),
    value: 1000,
  };
  // Targets 50 and 50 shares (500 each); 80 in cash. Asset 0 holds 520: 4% off, inside a 5%
  // band, kept. Asset 1 holds 400: 20% off; buying 10 would cost 100, so it buys the 8 that
  // the cash covers.
  assert.deepEqual(
    ordersForTargets({
      ...input,
      options: resolveBrokerOptions({ rounding: "band", driftBand: 0.05 }),
    }),
    [{ asset: 1, side: "buy", size: 8 }],
  );
  // Rounded to the nearest share instead, asset 0 sells its 2 shares over the target, and
  // their 20 pays for the rest of asset 1's 10.
  assert.deepEqual(ordersForTargets({ ...input, options: resolveBrokerOptions({}) }), [
    { asset: 0, side: "sell", size: 2 },
    { asset: 1, side: "buy", size: 10 },
  ]);
});

// Two assets at 10 on day0 that both open at 11 on day1: a 10% gap up.
const gapPanel = () => testPanel({ AAA: [flat(10), flat(11)], BBB: [flat(10), flat(11)] });

Deno.test("rebalance buys are scaled by one common factor to fit cash after a gap up", () => {
  const r = runBacktest({
    panel: gapPanel(),
    cash: 1000,
    strategy: scripted({ 0: { targets: { AAA: 0.5, BBB: 0.5 } } }),
  });
  // Sized on day0: 500 / 10 = 50 shares each. At 11 they cost 1100 > 1000: factor 1000 / 1100
  // = 0.90909; floor(50 * 0.90909) = 45 shares each, 990 spent.
  assert.deepEqual(r.fills.map((f) => [f.ticker, f.size, f.price]), [["AAA", 45, 11], [
    "BBB",
    45,
    11,
  ]]);
  assert.deepEqual(
    r.notes.map((n) => [n.ticker, n.outcome, n.requested, n.filled, n.reason]),
    [
      ["AAA", "trimmed", 50, 45, "scaled by 0.9091 to fit cash after a gap"],
      ["BBB", "trimmed", 50, 45, "scaled by 0.9091 to fit cash after a gap"],
    ],
  );
  assert.equal(r.finalCash, 10);
});

Deno.test("after a gap up, nearest rounding gives the cash the flooring freed back a share at a time", () => {
  const panel = testPanel({ AAA: [flat(10), flat(11)], BBB: [flat(10), flat(10.5)] });
  const run = (rounding: "down" | "nearest") =>
    runBacktest({
      panel,
      cash: 1000,
      broker: { rounding },
      strategy: scripted({ 0: { targets: { AAA: 0.5, BBB: 0.5 } } }),
    });
  // 50 shares each cost 550 + 525 = 1075 at the open: factor 0.9302, 46.51 -> 46 shares each
  // (989). Down stops there; nearest spends the 11 left on one more share of AAA (the tie
  // between equal remainders goes to the first asset): 517 + 483 = 1000.
  assert.deepEqual(run("down").fills.map((f) => f.size), [46, 46]);
  assert.equal(run("down").finalCash, 11);
  assert.deepEqual(run("nearest").fills.map((f) => f.size), [47, 46]);
  assert.equal(run("nearest").finalCash, 0);
});

Deno.test("a cash buffer absorbs a gap up without scaling", () => {
  const r = runBacktest({
    panel: gapPanel(),
    cash: 1000,
    broker: { cashBuffer: 0.1 },
    strategy: scripted({ 0: { targets: { AAA: 0.5, BBB: 0.5 } } }),
  });
  // Sized on 900: 450 / 10 = 45 shares each; 2 * 45 * 11 = 990 fits in 1000.
  assert.deepEqual(r.fills.map((f) => f.size), [45, 45]);
  assert.equal(r.notes.length, 0);
});

Deno.test("rebalance sells fill before buys so their cash pays for the buys", () => {
  const panel = testPanel({
    AAA: [flat(10), flat(10), flat(10)],
    BBB: [flat(10), flat(10), flat(10)],
  });
  const r = runBacktest({
    panel,
    cash: 1000,
    strategy: scripted({ 0: { targets: { AAA: 1 } }, 1: { targets: { BBB: 1 } } }),
  });
  assert.deepEqual(r.fills.map((f) => [f.date, f.ticker, f.side, f.size]), [
    ["2024-01-02", "AAA", "buy", 100],
    ["2024-01-03", "AAA", "sell", 100],
    ["2024-01-03", "BBB", "buy", 100],
  ]);
  assert.equal(r.notes.length, 0);
});

Deno.test("rebalance records exposure and turnover per day", () => {
  const panel = testPanel({ AAA: [flat(10), flat(12)] });
  const r = runBacktest({
    panel,
    cash: 1000,
    broker: { fill: "close" },
    strategy: scripted({ 0: { targets: { AAA: 0.5 } } }),
  });
  // Day0: 50 shares at 10 -> exposure 500 / 1000, turnover 500 / 1000.
  // Day1: 50 * 12 = 600 of 1100 -> exposure 0.5454..., no trade.
  assert.deepEqual(Array.from(r.equity.value), [1000, 1100]);
  assert.deepEqual(Array.from(r.equity.turnover), [0.5, 0]);
  assert.equal(r.equity.exposure[0], 0.5);
  assert.ok(Math.abs((r.equity.exposure[1] as number) - 600 / 1100) < 1e-12);
});

Deno.test("targets that sum above 1 without margin are a programming error", () => {
  assert.throws(
    () =>
      runBacktest({
        panel: gapPanel(),
        strategy: scripted({ 0: { targets: { AAA: 0.7, BBB: 0.7 } } }),
      }),
    /target weights must sum to at most 1: current value is 1.4/,
  );
});

Deno.test("runBacktest() reports the cash whole-share rounding left uninvested", () => {
  const panel = testPanel({ AAA: [flat(30)], BBB: [flat(40)] });
  const run = (rounding: "down" | "nearest") =>
    runBacktest({
      panel,
      cash: 1000,
      broker: { rounding, fill: "close" },
      strategy: scripted({ 0: { targets: { AAA: 0.5, BBB: 0.5 } } }),
    }).wholeShareCash;
  // Exact targets 500 / 30 = 16.67 and 500 / 40 = 12.5 shares. Down buys 16 and 12 (960):
  // 40 left. Nearest adds the share of the larger remainder (AAA, 30); BBB's would cost 40.
  assert.deepEqual(run("down"), {
    rebalances: 1,
    last: 40,
    lastShare: 0.04,
    averageShare: 0.04,
    maxShare: 0.04,
  });
  assert.deepEqual(run("nearest"), {
    rebalances: 1,
    last: 10,
    lastShare: 0.01,
    averageShare: 0.01,
    maxShare: 0.01,
  });
});
