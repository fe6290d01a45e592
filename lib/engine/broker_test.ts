/**
 * Broker behaviour through runBacktest on hand-made bars; every expected
 * number is a hand calculation written beside it.
 */
import assert from "node:assert/strict";
import { runBacktest } from "./run_backtest.ts";
import { flat, scripted, testPanel } from "./_test_panel.ts";
import type { Decision } from "./strategy.ts";
import type { OrderRequest } from "./types.ts";
import type { BrokerOptions } from "./broker_options.ts";

const near = (a: number | undefined, b: number, eps = 1e-9) =>
  assert.ok(a !== undefined && Math.abs(a - b) < eps, `${a} is not ${b}`);

// AAA: day0 flat 10; day1 opens 11 (high 12, low 10.5, close 11.5); day2 flat 12.
const aaa = () => testPanel({ AAA: [flat(10), [11, 12, 10.5, 11.5], flat(12)] });
const buy = (size: number, extra: Partial<OrderRequest> = {}): Decision => ({
  orders: [{ ticker: "AAA", side: "buy", size, ...extra }],
});

Deno.test("broker fills a market order at the next bar's open by default", () => {
  const r = runBacktest({ panel: aaa(), cash: 1000, strategy: scripted({ 0: buy(10) }) });
  assert.deepEqual(
    r.fills.map((f) => [f.placed, f.date, f.price, f.size]),
    [["2024-01-01", "2024-01-02", 11, 10]],
  );
  assert.equal(r.finalCash, 890); // 1000 - 10 * 11
  assert.equal(r.finalValue, 1010); // 890 + 10 * 12
});

Deno.test("broker fills a market order at the decision bar's close with fill: close", () => {
  const r = runBacktest({
    panel: aaa(),
    cash: 1000,
    broker: { fill: "close" },
    strategy: scripted({ 0: buy(10) }),
  });
  assert.deepEqual(r.fills.map((f) => [f.date, f.price]), [["2024-01-01", 10]]);
  assert.deepEqual(Array.from(r.equity.cash), [900, 900, 900]);
  assert.equal(r.finalValue, 1020); // 900 + 10 * 12
});

Deno.test("broker charges each commission type on the fill", () => {
  const run = (commission: BrokerOptions) =>
    runBacktest({
      panel: aaa(),
      cash: 1000,
      broker: commission,
      strategy: scripted({ 0: buy(10) }),
    });
  // 10 shares at 11 = 110 traded.
  near(run({ commission: { type: "none" } }).finalCash, 890);
  near(run({ commission: { type: "percent", rate: 0.001 } }).finalCash, 890 - 0.11);
  near(run({ commission: { type: "perShare", perShare: 0.05, minimum: 1 } }).finalCash, 889); // max(1, 0.5)
  near(run({ commission: { type: "perShare", perShare: 0.25 } }).finalCash, 887.5); // 10 * 0.25
  near(run({ commission: { type: "fixed", amount: 4.95 } }).finalCash, 885.05);
  assert.equal(run({ commission: { type: "fixed", amount: 4.95 } }).fills[0]?.commission, 4.95);
});

Deno.test("broker slippage makes buys pay more and sells receive less", () => {
  const r = runBacktest({
    panel: aaa(),
    cash: 1000,
    broker: { slippageBps: 100 },
    strategy: scripted({ 0: buy(10), 1: { orders: [{ ticker: "AAA", side: "sell", size: 10 }] } }),
  });
  // Buy at 11 * 1.01 = 11.11 on day1, sell at 12 * 0.99 = 11.88 on day2.
  near(r.fills[0]?.price, 11.11);
  near(r.fills[1]?.price, 11.88);
  near(r.finalCash, 1000 - 111.1 + 118.8);
});

Deno.test("broker fills a limit buy at min(open, limit) when the low reaches the limit", () => {
  const limit = (price: number, validDays?: number) =>
    runBacktest({
      panel: aaa(),
      cash: 1000,
      strategy: scripted({
        0: buy(10, { type: "limit", price, ...(validDays ? { validDays } : {}) }),
      }),
    });
  assert.deepEqual(limit(10.8).fills.map((f) => [f.date, f.price]), [["2024-01-02", 10.8]]);
  assert.deepEqual(limit(11.2).fills.map((f) => f.price), [11]); // opened below the limit
  const missed = limit(10);
  assert.equal(missed.fills.length, 0);
  assert.deepEqual(
    missed.notes.map((n) => [n.outcome, n.date, n.reason]),
    [["expired", "2024-01-02", "limit 10 not reached within 1 day"]],
  );
  // Working for two days, it is still not reached on day2 (low 12).
  assert.deepEqual(limit(10, 2).notes.map((n) => [n.date, n.reason]), [[
    "2024-01-03",
    "limit 10 not reached within 2 days",
  ]]);
});

Deno.test("broker triggers a stop buy at max(open, stop) and a stop sell at min(open, stop)", () => {
  const stopBuy = (price: number) =>
    runBacktest({
      panel: aaa(),
      cash: 1000,
      strategy: scripted({ 0: buy(10, { type: "stop", price }) }),
    });
  assert.deepEqual(stopBuy(11.8).fills.map((f) => f.price), [11.8]);
  assert.deepEqual(stopBuy(10.5).fills.map((f) => f.price), [11]); // gapped above the stop
  assert.equal(stopBuy(12.5).fills.length, 0);
  // Held from day0's close at 10; a stop sell at 10.8 triggers on day1 (low 10.5) at 10.8.
  const r = runBacktest({
    panel: aaa(),
    cash: 1000,
    broker: { fill: "close" },
    strategy: scripted({
      0: {
        orders: [{ ticker: "AAA", side: "buy", size: 10 }, {
          ticker: "AAA",
          side: "sell",
          size: 10,
          type: "stop",
          price: 10.8,
        }],
      },
    }),
  });
  assert.deepEqual(r.fills.map((f) => [f.side, f.date, f.price]), [
    ["buy", "2024-01-01", 10],
    ["sell", "2024-01-02", 10.8],
  ]);
  near(r.finalCash, 1008); // 1000 - 100 + 108
});

Deno.test("broker trims a buy to the whole shares cash covers, never going below zero", () => {
  const r = runBacktest({ panel: aaa(), cash: 100, strategy: scripted({ 0: buy(20) }) });
  // 100 / 11 = 9.09 -> 9 shares, 99 spent.
  assert.deepEqual(r.fills.map((f) => f.size), [9]);
  assert.deepEqual(
    r.notes.map((n) => [n.outcome, n.requested, n.filled, n.reason]),
    [["trimmed", 20, 9, "cash 100.00 covers 9 of 20"]],
  );
  assert.equal(r.finalCash, 1);
  assert.ok(Array.from(r.equity.cash).every((c) => c >= 0));
});

Deno.test("broker rejects a buy cash cannot cover with insufficientCash: reject, or when no share fits", () => {
  const rejected = runBacktest({
    panel: aaa(),
    cash: 100,
    broker: { insufficientCash: "reject" },
    strategy: scripted({ 0: buy(20) }),
  });
  assert.equal(rejected.fills.length, 0);
  assert.deepEqual(rejected.notes.map((n) => [n.outcome, n.reason]), [[
    "rejected",
    "cash 100.00 cannot cover 220.00",
  ]]);
  const tooPoor = runBacktest({ panel: aaa(), cash: 5, strategy: scripted({ 0: buy(1) }) });
  assert.deepEqual(tooPoor.notes.map((n) => [n.outcome, n.filled]), [["rejected", 0]]);
  assert.equal(tooPoor.finalCash, 5);
});

Deno.test("broker trims to fractional shares when fractional is on", () => {
  const r = runBacktest({
    panel: aaa(),
    cash: 100,
    broker: { fractional: true },
    strategy: scripted({ 0: buy(20) }),
  });
  near(r.fills[0]?.size, 100 / 11, 1e-9);
  assert.ok(r.finalCash >= 0 && r.finalCash < 1e-9);
});

Deno.test("broker lets cash go negative with margin: true", () => {
  const r = runBacktest({
    panel: aaa(),
    cash: 100,
    broker: { margin: true },
    strategy: scripted({ 0: buy(20) }),
  });
  assert.equal(r.notes.length, 0);
  assert.equal(r.finalCash, -120); // 100 - 20 * 11
});

Deno.test("broker trims a sell to the shares held and rejects a sell of nothing", () => {
  const r = runBacktest({
    panel: aaa(),
    cash: 1000,
    broker: { fill: "close" },
    strategy: scripted({
      0: { orders: [{ ticker: "AAA", side: "sell", size: 5 }] },
      1: buy(10),
      2: { orders: [{ ticker: "AAA", side: "sell", size: 15 }] },
    }),
  });
  assert.deepEqual(r.notes.map((n) => [n.date, n.outcome, n.filled, n.reason]), [
    ["2024-01-01", "rejected", 0, "no shares of AAA held"],
    ["2024-01-03", "trimmed", 10, "only 10 shares of AAA held"],
  ]);
  assert.deepEqual(r.positions, {});
});

Deno.test("broker cancels working orders when the strategy asks", () => {
  const seen: number[] = [];
  const r = runBacktest({
    panel: aaa(),
    cash: 1000,
    strategy: {
      name: "cancel",
      onDay: (ctx) => {
        seen.push(ctx.account.pendingOrders);
        if (ctx.t === 0) return buy(10, { type: "limit", price: 5, validDays: 5 });
        if (ctx.t === 1) return { cancelPending: true };
        return undefined;
      },
    },
  });
  assert.deepEqual(seen, [0, 1, 0]);
  assert.equal(r.fills.length, 0);
});

Deno.test("broker: an asset without a bar cannot trade that day, its market order waits, and it keeps its last close", () => {
  const panel = testPanel({
    AAA: [flat(10), null, flat(12), flat(13)],
    BBB: [flat(1), flat(1), flat(1), flat(1)],
  });
  const waits = runBacktest({ panel, cash: 1000, strategy: scripted({ 0: buy(10) }) });
  assert.deepEqual(waits.fills.map((f) => [f.placed, f.date, f.price]), [[
    "2024-01-01",
    "2024-01-03",
    12,
  ]]);
  const held = runBacktest({
    panel,
    cash: 1000,
    broker: { fill: "close" },
    strategy: scripted({ 0: buy(10), 1: buy(1, { type: "limit", price: 5 }) }),
  });
  // Day1 has no AAA bar: valued at its last close 10; the limit order expires unfilled.
  assert.deepEqual(Array.from(held.equity.value), [1000, 1000, 1020, 1030]);
  assert.deepEqual(held.notes.map((n) => [n.outcome, n.date, n.reason]), [[
    "expired",
    "2024-01-03",
    "limit 5 not reached within 1 day",
  ]]);
  const noBar = runBacktest({
    panel,
    cash: 1000,
    strategy: scripted({ 0: buy(1, { type: "limit", price: 20 }) }),
  });
  assert.deepEqual(noBar.notes.map((n) => n.reason), ["no bar for AAA within 1 day"]);
});

Deno.test("broker applies a split before the open: shares times ratio, value unchanged", () => {
  // Raw prices: a 2-for-1 split on day1 halves the price from 100 to 50.
  const panel = testPanel({ AAA: [flat(100), flat(50), flat(55)] }, "2024-01-01", {
    AAA: [{ t: 1, ratio: 2 }],
  });
  const r = runBacktest({
    panel,
    cash: 1000,
    broker: { fill: "close" },
    strategy: scripted({ 0: buy(10), 2: { orders: [{ ticker: "AAA", side: "sell", size: 20 }] } }),
  });
  assert.deepEqual(Array.from(r.equity.value), [1000, 1000, 1100]);
  // The trade's entry price is the split-adjusted 100 / 2 = 50 for 20 shares.
  assert.deepEqual(r.trades.map((t) => [t.size, t.entryPrice, t.exitPrice, t.pnl]), [[
    20,
    50,
    55,
    100,
  ]]);
});

Deno.test("broker adjusts a working order for a split on its fill day", () => {
  const panel = testPanel({ AAA: [flat(100), flat(50)] }, "2024-01-01", {
    AAA: [{ t: 1, ratio: 2 }],
  });
  const r = runBacktest({ panel, cash: 2000, strategy: scripted({ 0: buy(10) }) });
  assert.deepEqual(r.fills.map((f) => [f.size, f.price]), [[20, 50]]);
});
