import assert from "node:assert/strict";
import fc from "fast-check";
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
  assert.deepEqual(recentTrades(TRADES, 0), []);
});

Deno.test("property: recentTrades() is the head of the trades sorted by its order", () => {
  const days = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"];
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          ticker: fc.constantFrom("AAA", "BBB", "CCC"),
          entry: fc.integer({ min: 0, max: 3 }),
          held: fc.integer({ min: 0, max: 3 }),
          pnl: fc.integer({ min: -5, max: 5 }),
        }),
        { maxLength: 40 },
      ),
      fc.integer({ min: 0, max: 45 }),
      (rows, count) => {
        const trades = rows.map((r) =>
          trade(
            r.ticker,
            days[r.entry] as string,
            days[Math.min(3, r.entry + r.held)] as string,
            r.pnl,
          )
        );
        // Array.prototype.sort is stable: equal trades keep the order given.
        const sorted = [...trades].sort((a, b) =>
          b.exitDate.localeCompare(a.exitDate) || b.entryDate.localeCompare(a.entryDate) ||
          (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0)
        );
        const got = recentTrades(trades, count);
        assert.equal(got.length, Math.min(count, trades.length));
        got.forEach((t, k) => assert.equal(t, sorted[k]));
      },
    ),
    { numRuns: 300, seed: 13 },
  );
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
