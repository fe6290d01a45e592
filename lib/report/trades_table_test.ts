import assert from "node:assert/strict";
import type { Trade } from "../engine/types.ts";
import { executionSummaryHtml, recentTrades, tradesTableHtml } from "./trades_table.ts";

function trade(ticker: string, entryDate: string, exitDate: string, pnl: number): Trade {
  return {
    ticker,
    entryDate,
    exitDate,
    entryPrice: 10,
    exitPrice: 11,
    size: 5,
    pnl,
    returnPct: pnl / 50,
    daysHeld: 3,
    commission: 1,
  };
}

const TRADES = [
  trade("AAA", "2024-01-02", "2024-02-01", 4),
  trade("<b>", "2024-01-10", "2024-03-01", -6),
  trade("CCC", "2024-01-05", "2024-03-01", 0),
];

Deno.test("recentTrades() orders by exit, then entry, latest first", () => {
  assert.deepEqual(recentTrades(TRADES, 10).map((t) => t.ticker), ["<b>", "CCC", "AAA"]);
  assert.deepEqual(recentTrades(TRADES, 1).map((t) => t.ticker), ["<b>"]);
});

Deno.test("tradesTableHtml() lists the most recent trades with the total, escaping tickers", () => {
  const html = tradesTableHtml(TRADES, 2);
  assert.match(html, /The 2 most recent of 3 closed trades\./);
  assert.equal(html.match(/<tr>/g)?.length, 3); // header + 2 rows
  assert.ok(html.includes("<td>&lt;b&gt;</td>"));
  assert.ok(!html.includes("<b>"));
  assert.match(html, /<td class="loss">-6\.00<\/td>/);
  assert.match(tradesTableHtml(TRADES, 5), /All 3 closed trades/);
  assert.match(tradesTableHtml([], 5), /No closed trades/);
});

Deno.test("executionSummaryHtml() counts fills and order notes by outcome", () => {
  const note = (outcome: "trimmed" | "rejected") => ({
    orderId: 1,
    ticker: "A",
    side: "buy" as const,
    requested: 2,
    filled: 1,
    outcome,
    reason: "",
    date: "2024-01-02",
  });
  assert.equal(
    executionSummaryHtml(1234, [note("trimmed"), note("rejected"), note("trimmed")]),
    `<p class="note">1,234 fills; orders 1 rejected, 2 trimmed.</p>`,
  );
});
