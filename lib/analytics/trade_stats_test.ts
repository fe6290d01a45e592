import assert from "node:assert/strict";
import { assertClose } from "./_assert_close.ts";
import { tradeStats } from "./trade_stats.ts";

const trades = (...pnl: number[]) => pnl.map((p) => ({ pnl: p }));

Deno.test("tradeStats() counts wins, losses and their averages", () => {
  // pnl +100, -50, +40, -30, 0: wins 2, losses 2, one break-even
  const stats = tradeStats(trades(100, -50, 40, -30, 0));
  assert.equal(stats.count, 5);
  assert.equal(stats.wins, 2);
  assert.equal(stats.losses, 2);
  assert.equal(stats.winRate, 2 / 5); // the break-even trade is not a win
  assert.equal(stats.grossProfit, 140);
  assert.equal(stats.grossLoss, -80);
  assert.equal(stats.profitFactor, 140 / 80);
  assert.equal(stats.averageWin, 70);
  assert.equal(stats.averageLoss, -40);
});

Deno.test("tradeStats() computes SQN with the population stdev, as backtrader does", () => {
  // pnl 100, -50, 40, -30, 0: mean 60 / 5 = 12
  // deviations 88, -62, 28, -42, -12; squares 7744 + 3844 + 784 + 1764 + 144 = 14280
  // population stdev sqrt(14280 / 5) = sqrt(2856); SQN = sqrt(5) * 12 / sqrt(2856)
  assertClose(tradeStats(trades(100, -50, 40, -30, 0)).sqn, Math.sqrt(5) * 12 / Math.sqrt(2856));
});

Deno.test("tradeStats() reports null ratios without trades", () => {
  assert.deepEqual(tradeStats([]), {
    count: 0,
    wins: 0,
    losses: 0,
    winRate: null,
    grossProfit: 0,
    grossLoss: 0,
    profitFactor: null,
    averageWin: null,
    averageLoss: null,
    sqn: null,
  });
});

Deno.test("tradeStats() has no profit factor without a loss and no SQN for one trade", () => {
  const stats = tradeStats(trades(25));
  assert.equal(stats.profitFactor, null);
  assert.equal(stats.averageLoss, null);
  assert.equal(stats.sqn, null);
  assert.equal(stats.winRate, 1);
});

Deno.test("tradeStats() has no SQN when every pnl is the same", () => {
  assert.equal(tradeStats(trades(0.1, 0.1, 0.1)).sqn, null);
});

Deno.test("tradeStats() throws RangeError on a pnl that is not finite", () => {
  assert.throws(
    () => tradeStats(trades(1, NaN)),
    /Cannot compute trade statistics as trades\[1\]\.pnl must be a finite number: current value is NaN/,
  );
});
