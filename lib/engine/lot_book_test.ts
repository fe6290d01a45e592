/** Round trips matched FIFO; expected numbers are hand calculations beside them. */
import assert from "node:assert/strict";
import { runBacktest } from "./run_backtest.ts";
import { flat, scripted, testPanel } from "./_test_panel.ts";

Deno.test("trades match a partial close FIFO, commissions pro rata", () => {
  const panel = testPanel({ AAA: [flat(10), flat(12), flat(15)] });
  const r = runBacktest({
    panel,
    cash: 1000,
    broker: { fill: "close", commission: { type: "fixed", amount: 1 } },
    strategy: scripted({
      0: { orders: [{ ticker: "AAA", side: "buy", size: 10 }] },
      1: { orders: [{ ticker: "AAA", side: "buy", size: 10 }] },
      2: { orders: [{ ticker: "AAA", side: "sell", size: 15 }] },
    }),
  });
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  assert.deepEqual(
    r.trades.map((
      t,
    ) => [
      t.entryDate,
      t.exitDate,
      t.size,
      t.entryPrice,
      t.exitPrice,
      round(t.commission),
      round(t.pnl),
      round(t.returnPct),
      t.daysHeld,
    ]),
    [
      // First lot, all 10: fee 1 + 1 * 10/15 = 1.666667; pnl 10 * 5 - fee = 48.333333; / 100.
      ["2024-01-01", "2024-01-03", 10, 10, 15, 1.666667, 48.333333, 0.483333, 2],
      // Second lot, 5 of 10: fee 1 * 5/10 + 1 * 5/15 = 0.833333; pnl 5 * 3 - fee = 14.166667; / 60.
      ["2024-01-02", "2024-01-03", 5, 12, 15, 0.833333, 14.166667, 0.236111, 1],
    ],
  );
  assert.deepEqual(r.positions, { AAA: 5 });
});

Deno.test("trade P&L after commissions adds up to the change in value of a closed position", () => {
  const panel = testPanel({ AAA: [flat(20), flat(18), flat(25)] });
  const r = runBacktest({
    panel,
    cash: 1000,
    broker: { fill: "close", commission: { type: "percent", rate: 0.01 } },
    strategy: scripted({
      0: { orders: [{ ticker: "AAA", side: "buy", size: 10 }] },
      2: { orders: [{ ticker: "AAA", side: "sell", size: 10 }] },
    }),
  });
  // Buy 200 + 2 fee, sell 250 - 2.5 fee: pnl 50 - 4.5 = 45.5 = final cash - 1000.
  assert.equal(r.trades.length, 1);
  assert.ok(Math.abs((r.trades[0]?.pnl ?? NaN) - 45.5) < 1e-9);
  assert.ok(Math.abs(r.finalCash - 1045.5) < 1e-9);
});
